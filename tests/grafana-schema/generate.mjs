// Writes one TypeScript file per emitted dashboard JSON: the whole dashboard assigned to @grafana/schema's
// Dashboard type, and each panel's options (and custom field config) to its panel plugin's own types.
// Usage: node generate.mjs <dir with *.json> <output dir>
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';

const [jsonDir, outDir] = process.argv.slice(2);
if (!jsonDir || !outDir) {
  console.error('usage: node generate.mjs <json dir> <output dir>');
  process.exit(2);
}

// panel type -> the module of its generated types in @grafana/schema
const PANELS = {
  timeseries: 'timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen',
  stat: 'stat/panelcfg/x/StatPanelCfg_types.gen',
  gauge: 'gauge/panelcfg/x/GaugePanelCfg_types.gen',
  bargauge: 'bargauge/panelcfg/x/BarGaugePanelCfg_types.gen',
  table: 'table/panelcfg/x/TablePanelCfg_types.gen',
  heatmap: 'heatmap/panelcfg/x/HeatmapPanelCfg_types.gen',
  text: 'text/panelcfg/x/TextPanelCfg_types.gen',
};
const HAS_FIELD_CONFIG = new Set(['timeseries', 'table', 'heatmap']);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const files = readdirSync(jsonDir).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no dashboard JSON in ${jsonDir}`);
  process.exit(2);
}
for (const file of files) {
  const text = readFileSync(join(jsonDir, file), 'utf8');
  const dashboard = JSON.parse(text);
  const lines = [
    `// Generated from ${file} by generate.mjs: tsc fails if the JSON does not match Grafana's dashboard model.`,
    `import type { Dashboard } from '@grafana/schema';`,
    `import type { Exported } from '../exported';`,
  ];
  const used = new Set();
  const panels = [];
  for (const p of dashboard.panels ?? []) {
    panels.push(p);
    for (const child of p.panels ?? []) panels.push(child);
  }
  for (const p of panels) {
    if (PANELS[p.type]) used.add(p.type);
  }
  for (const type of [...used].sort()) {
    const names = [`Options as ${type}_Options`];
    if (HAS_FIELD_CONFIG.has(type)) names.push(`FieldConfig as ${type}_FieldConfig`);
    lines.push(`import type { ${names.join(', ')} } from '@grafana/schema/dist/esm/raw/composable/${PANELS[type]}';`);
  }
  lines.push('', `export const dashboard: Exported<Dashboard> = ${text.trim()};`, '');
  for (const p of panels) {
    if (p.type === 'row') continue;
    if (!PANELS[p.type]) {
      lines.push(`// panel ${p.id}: no schema for panel type ${JSON.stringify(p.type)}`);
      lines.push(`const unknownPanelType_${p.id}: never = ${JSON.stringify(p.type)};`);
      continue;
    }
    lines.push(`export const panel${p.id}Options: Exported<${p.type}_Options> = ${JSON.stringify(p.options ?? {}, null, 2)};`);
    const custom = p.fieldConfig?.defaults?.custom;
    if (custom !== undefined) {
      lines.push(`export const panel${p.id}Custom: Exported<${p.type}_FieldConfig> = ${JSON.stringify(custom, null, 2)};`);
    }
  }
  writeFileSync(join(outDir, basename(file, '.json') + '.ts'), lines.join('\n') + '\n');
}
console.log(`generated ${files.length} files in ${outDir}`);
