/*
 * PromQL expressions, as Prometheus parses them. Imported by BrokerWatch.g4 so that an alert's
 * expression is part of the .bw file's own parse tree, with positions on every node.
 *
 * Function and aggregation names are plain identifiers: the AST builder resolves them against the
 * function table, so a misspelt function gets a "did you mean" instead of a syntax error.
 * `$name` may stand for a number, a duration, a string or a label list declared with `param`.
 */
grammar PromQl;

standaloneExpr
    : promExpr EOF
    ;

promExpr
    : promExpr LBRACKET range=durationRef (COLON step=durationRef?)? RBRACKET     # rangeOrSubquery
    | promExpr OFFSET sign=MINUS? durationRef                                     # offset
    | promExpr AT atValue                                                         # at
    | <assoc=right> left=promExpr op=POW modifiers=binModifiers right=promExpr    # binary
    | op=(PLUS | MINUS) promExpr                                                  # unary
    | left=promExpr op=(MUL | DIV | MOD | ATAN2) modifiers=binModifiers right=promExpr        # binary
    | left=promExpr op=(PLUS | MINUS) modifiers=binModifiers right=promExpr                  # binary
    | left=promExpr op=(EQLC | NE | LTE | LT | GTE | GT) modifiers=binModifiers right=promExpr # binary
    | left=promExpr op=(AND | UNLESS) modifiers=binModifiers right=promExpr                  # binary
    | left=promExpr op=OR modifiers=binModifiers right=promExpr                              # binary
    | LPAREN promExpr RPAREN                                                      # paren
    | fn=identifier grouping? LPAREN (args+=promExpr (COMMA args+=promExpr)* COMMA?)? RPAREN grouping?  # call
    | vectorSelector                                                              # selector
    | number                                                                      # numberLiteral
    | STRING                                                                      # stringLiteral
    | paramRef                                                                    # paramValue
    ;

atValue
    : sign=MINUS? NUMBER
    | identifier LPAREN RPAREN
    ;

binModifiers
    : BOOL? (matchKind=(ON | IGNORING) labelList (groupKind=(GROUP_LEFT | GROUP_RIGHT) labelList?)?)?
    ;

grouping
    : kind=(BY | WITHOUT) labelList
    ;

labelList
    : LPAREN (labelRef (COMMA labelRef)* COMMA?)? RPAREN
    ;

labelRef
    : identifier
    | paramRef
    ;

vectorSelector
    : metricName=identifier (LBRACE matchers? RBRACE)?
    | LBRACE matchers RBRACE
    ;

matchers
    : matcher (COMMA matcher)* COMMA?
    ;

matcher
    : label=identifier op=(EQ | NE | EQ_RE | NE_RE) value=matcherValue
    ;

matcherValue
    : STRING
    | paramRef
    ;

durationRef
    : DURATION
    | paramRef
    ;

number
    : NUMBER
    ;

paramRef
    : PARAM_REF
    ;

// Keywords of PromQL stay usable as label and metric names.
identifier
    : IDENT
    | promKeyword
    ;

promKeyword
    : BY | WITHOUT | ON | IGNORING | GROUP_LEFT | GROUP_RIGHT | BOOL | OFFSET | AND | OR | UNLESS | ATAN2
    ;

// ---- lexer -------------------------------------------------------------------------------------

BY          : 'by';
WITHOUT     : 'without';
ON          : 'on';
IGNORING    : 'ignoring';
GROUP_LEFT  : 'group_left';
GROUP_RIGHT : 'group_right';
BOOL        : 'bool';
OFFSET      : 'offset';
AND         : 'and';
OR          : 'or';
UNLESS      : 'unless';
ATAN2       : 'atan2';

DURATION    : (DIGIT+ ('ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'y'))+;
NUMBER
    : DIGIT+ ('.' DIGIT*)? EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | '0' [xX] [0-9a-fA-F]+
    ;
STRING
    : '"""' .*? '"""'
    | '"' (~["\\\r\n] | '\\' .)* '"'
    | '\'' (~['\\\r\n] | '\\' .)* '\''
    | '`' ~[`]* '`'
    ;
PARAM_REF   : '$' [a-zA-Z_] [a-zA-Z0-9_]*;
IDENT       : [a-zA-Z_] [a-zA-Z0-9_:]*;

LPAREN   : '(';
RPAREN   : ')';
LBRACE   : '{';
RBRACE   : '}';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
COLON    : ':';
AT       : '@';
PLUS     : '+';
MINUS    : '-';
MUL      : '*';
DIV      : '/';
MOD      : '%';
POW      : '^';
EQLC     : '==';
NE       : '!=';
LTE      : '<=';
LT       : '<';
GTE      : '>=';
GT       : '>';
EQ_RE    : '=~';
NE_RE    : '!~';
EQ       : '=';

COMMENT    : '#' ~[\r\n]* -> channel(HIDDEN);
WS         : [ \t\r\n]+ -> channel(HIDDEN);
UNEXPECTED : . ;

fragment DIGIT    : [0-9];
fragment EXPONENT : [eE] [+-]? DIGIT+;
