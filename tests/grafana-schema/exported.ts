// The dashboard model as JSON can spell it. @grafana/schema declares some fields as TypeScript string enums
// (ThresholdsMode.Absolute = "absolute"), which no JSON literal is assignable to; `${E}` turns such an enum
// into the union of its values, so the JSON is checked against exactly the values Grafana accepts.
// Everything else (required fields, field types, unknown fields via excess-property checks) is unchanged.
export type Exported<T> =
  T extends string ? `${T}` :
  T extends number | boolean | null | undefined ? T :
  T extends ReadonlyArray<infer U> ? Array<Exported<U>> :
  T extends object ? { [K in keyof T]: Exported<T[K]> } :
  T;
