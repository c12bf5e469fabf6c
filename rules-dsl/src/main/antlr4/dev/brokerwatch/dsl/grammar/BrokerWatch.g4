/*
 * The brokerwatch language: the metric catalog, parameters, rule groups with their alert tests.
 * Statements are keyword-led and need no separators; a PromQL expression ends where the next clause
 * keyword begins (see PromQl.g4, which this grammar imports).
 */
grammar BrokerWatch;

import PromQl;

standaloneFile
    : statement* EOF
    ;

statement
    : importDecl
    | paramDecl
    | severitiesDecl
    | metricDecl
    | familyDecl
    | externalMetricDecl
    | groupDecl
    | dashboardDecl
    | panelTemplateDecl
    | routingDecl
    ;

importDecl
    : IMPORT path=STRING
    ;

// `since "4.2" = 0`: the value when the pack targets that Kafka version or a newer one (--set kafka_version=...)
paramDecl
    : PARAM name=identifier EQ value=paramLiteral paramSince* (HELP help=STRING)?
    ;

paramSince
    : SINCE version=STRING EQ value=paramLiteral
    ;

paramLiteral
    : DURATION
    | sign=MINUS? NUMBER
    | STRING
    | labelList
    ;

severitiesDecl
    : SEVERITIES identifier (COMMA identifier)*
    ;

// ---- the catalog -------------------------------------------------------------------------------

metricDecl
    : METRIC name=identifier type=metricType metricClause*
    ;

metricType
    : COUNTER | GAUGE | SUMMARY | UNTYPED
    ;

metricClause
    : HELP help=STRING                                    # helpClause
    | UNIT unit=identifier                                # unitClause
    | JMX pattern=STRING jmxOption*                       # jmxClause
    | CGROUP field=identifier                             # cgroupClause
    | LABELS labelSpec (COMMA labelSpec)*                 # labelsClause
    | CONDITIONAL reason=STRING                           # conditionalClause
    | SINCE version=STRING                                # sinceClause
    | UNTIL version=STRING                                # untilClause
    ;

jmxOption
    : ATTRIBUTE attr=attributeName (AS LABEL valueLabel=identifier)?   # attributeOption
    | SCALE factor=NUMBER                                 # scaleOption
    ;

// MBean attribute names may contain '-' (kafka-metrics beans: commit-latency-avg)
attributeName
    : identifier (MINUS identifier)*
    | STRING
    ;

// an ObjectName key exported as a label; lower-cased unless renamed with `as`
labelSpec
    : key=identifier (AS label=identifier)?
    ;

familyDecl
    : FAMILY prefix=identifier type=metricType metricClause* familyMember+
    ;

familyMember
    : MEMBER mbeanName=identifier (AS suffix=identifier)? memberClause*
    ;

memberClause
    : HELP help=STRING                                    # memberHelp
    | UNIT unit=identifier                                # memberUnit
    | CONDITIONAL reason=STRING                           # memberConditional
    | SINCE version=STRING                                # memberSince
    | UNTIL version=STRING                                # memberUntil
    ;

externalMetricDecl
    : EXTERNAL METRIC name=identifier type=metricType externalClause*
    ;

externalClause
    : SOURCE source=identifier                            # externalSource
    | LABELS identifier (COMMA identifier)*               # externalLabels
    | HELP help=STRING                                    # externalHelp
    | UNIT unit=identifier                                # externalUnit
    ;

// ---- rules -------------------------------------------------------------------------------------

// `limit 10`: Prometheus's limit of alerts (series) a rule of the group may produce; 0 or absent: none.
// `group_by (...)`: how Alertmanager groups this group's alerts into notifications (see routingDecl)
groupDecl
    : GROUP name=groupName (INTERVAL interval=durationRef)? (LIMIT limit=NUMBER)? (GROUP_BY groupBy=labelList)? LBRACE ruleDecl* RBRACE
    ;

// kafka-broker, kafka-3, team-a-1m: dashes join names, numbers and durations, written without spaces
groupName
    : STRING
    | identifier (MINUS (identifier | NUMBER | DURATION))*
    ;

ruleDecl
    : alertRule
    | recordingRule
    ;

alertRule
    : ALERT name=identifier LBRACE alertClause* RBRACE
    ;

alertClause
    : EXPR promExpr                                       # exprClause
    | FOR durationRef                                     # forClause
    | KEEP_FIRING_FOR durationRef                         # keepFiringForClause
    | SEVERITY identifier                                 # severityClause
    | LABELS LBRACE keyValue* RBRACE                      # ruleLabelsClause
    | SUMMARY STRING                                      # summaryClause
    | DESCRIPTION STRING                                  # descriptionClause
    | RUNBOOK STRING                                      # runbookClause
    | ANNOTATIONS LBRACE keyValue* RBRACE                 # annotationsClause
    | alertTest                                           # alertTestClause
    | INHIBITS targets+=identifier (COMMA targets+=identifier)* ON labelList   # inhibitsClause
    | deliveryTest                                        # deliveryTestClause
    ;

recordingRule
    : RECORD name=identifier LBRACE recordClause* RBRACE
    ;

recordClause
    : EXPR promExpr                                       # recordExprClause
    | LABELS LBRACE keyValue* RBRACE                      # recordLabelsClause
    ;

keyValue
    : key=identifier EQ value=STRING COMMA?
    ;

alertTest
    : TEST name=STRING LBRACE testClause* RBRACE
    ;

testClause
    : INTERVAL durationRef                                # testInterval
    | SERIES vectorSelector values=STRING                 # testSeries
    | EXPECT FIRING AT_KW time=durationRef expectedLabels?  # expectFiring
    | EXPECT QUIET AT_KW time=durationRef                   # expectQuiet
    ;

expectedLabels
    : LBRACE (keyValue)* RBRACE
    ;

// ---- alert delivery ----------------------------------------------------------------------------
// `routing { group_by (...) page critical group_wait 30s }`: the pack's routing intent, emitted as an Alertmanager route
// tree. A delivery test fires its alert with the given labels and asserts, against the emitted config,
// the receiver it reaches and which alerts it inhibits or spares.

routingDecl
    : ROUTING LBRACE routingClause* RBRACE
    ;

routingClause
    : GROUP_BY labelList                                  # routingGroupBy
    | PAGE identifier (COMMA identifier)*                 # routingPage
    | GROUP_WAIT durationRef                              # routingGroupWait
    | GROUP_INTERVAL durationRef                          # routingGroupInterval
    | REPEAT_INTERVAL durationRef                         # routingRepeatInterval
    ;

deliveryTest
    : DELIVERY name=STRING LBRACE deliveryClause* RBRACE
    ;

deliveryClause
    : LABELS LBRACE keyValue* RBRACE                      # deliveryLabels
    | EXPECT RECEIVER receiver=identifier                 # expectReceiver
    | EXPECT INHIBITS target=identifier expectedLabels?   # expectInhibits
    | EXPECT SPARES target=identifier expectedLabels?     # expectSpares
    ;

// ---- dashboards --------------------------------------------------------------------------------
// Inside a dashboard, `$name` is a template argument, else a dashboard variable, else a Grafana
// built-in ($__rate_interval...), else a pack parameter. `${name}`, `${name:format}` and `[[name]]`
// are Grafana's other spellings of a variable.

dashboardDecl
    : DASHBOARD name=groupName title=STRING? LBRACE dashboardClause* RBRACE
    ;

dashboardClause
    : UID value=STRING                                    # dashboardUid
    | TAGS STRING (COMMA STRING)*                         # dashboardTags
    | DESCRIPTION value=STRING                            # dashboardDescription
    | TIME range=DURATION                                 # dashboardTime
    | REFRESH every=DURATION                              # dashboardRefresh
    | DATASOURCE name=identifier                          # dashboardDatasource
    | LINK title=STRING linkTarget                        # dashboardLink
    | variableDecl                                        # dashboardVariable
    | rowDecl                                             # dashboardRow
    | panelItem                                           # dashboardPanel
    ;

variableDecl
    : VARIABLE name=identifier label=STRING? EQ variableSource variableOption*
    ;

variableSource
    : LABEL_VALUES LPAREN (vectorSelector COMMA)? label=identifier RPAREN     # labelValuesSource
    | CUSTOM LPAREN STRING (COMMA STRING)* RPAREN                             # customSource
    | INTERVAL LPAREN DURATION (COMMA DURATION)* RPAREN                       # intervalSource
    ;

variableOption
    : MULTI                                               # multiOption
    | ALL                                                 # allOption
    | DEFAULT value=STRING                                # defaultOption
    | REGEX value=STRING                                  # regexOption
    | HIDE                                                # hideOption
    ;

rowDecl
    : ROW title=STRING COLLAPSED? LBRACE panelItem* RBRACE
    ;

panelItem
    : panelDecl
    | panelUse
    ;

panelDecl
    : kind=panelKind title=STRING panelBody?
    ;

panelKind
    : TIMESERIES | STAT | GAUGE | BARGAUGE | TABLE | HEATMAP | TEXT
    ;

panelBody
    : LBRACE panelClause* RBRACE
    ;

panelClause
    : QUERY promExpr queryOption*                         # queryClause
    | UNIT (unit=identifier | unitString=STRING)          # panelUnit
    | DECIMALS value=NUMBER                               # panelDecimals
    | MIN signedNumber                                    # panelMin
    | MAX signedNumber                                    # panelMax
    | THRESHOLDS thresholdStep (COMMA thresholdStep)*     # panelThresholds
    | STACK PERCENT?                                      # panelStack
    | LINK title=STRING linkTarget                        # panelLink
    | DESCRIPTION value=STRING                            # panelDescription
    | CONTENT value=STRING                                # panelContent
    | WIDTH value=NUMBER                                  # panelWidth
    | HEIGHT value=NUMBER                                 # panelHeight
    | PLACE x=NUMBER y=NUMBER w=NUMBER h=NUMBER           # panelPlace
    | ID value=NUMBER                                     # panelId
    ;

queryOption
    : LEGEND value=STRING                                 # legendOption
    | INSTANT                                             # instantOption
    ;

signedNumber
    : sign=MINUS? NUMBER
    ;

// `80 red` colours values from 80 up; the first step may omit its value (the base colour)
thresholdStep
    : signedNumber? color=colorName
    ;

colorName
    : identifier
    | STRING
    ;

linkTarget
    : DASHBOARD name=groupName                            # dashboardTarget
    | ALERT name=identifier                               # alertTarget
    | URL value=STRING                                    # urlTarget
    ;

// `template name(args) <panel>` declares a panel once; `use name(values)` places a copy of it
panelTemplateDecl
    : TEMPLATE name=identifier LPAREN (identifier (COMMA identifier)*)? RPAREN panelDecl
    ;

panelUse
    : USE name=identifier LPAREN (paramLiteral (COMMA paramLiteral)*)? RPAREN title=STRING? panelBody?
    ;


// every keyword stays usable as a metric, label or rule name
identifier
    : IDENT
    | promKeyword
    | bwKeyword
    ;

bwKeyword
    : IMPORT | PARAM | SEVERITIES | METRIC | COUNTER | GAUGE | SUMMARY | UNTYPED | HELP | UNIT | JMX | CGROUP
    | LABELS | CONDITIONAL | SINCE | UNTIL | ATTRIBUTE | LABEL | SCALE | AS | FAMILY | MEMBER | EXTERNAL | SOURCE
    | GROUP | INTERVAL | LIMIT | ALERT | RECORD | EXPR | FOR | KEEP_FIRING_FOR | SEVERITY | DESCRIPTION | RUNBOOK
    | ANNOTATIONS | TEST | SERIES | EXPECT | FIRING | QUIET | AT_KW
    | DASHBOARD | UID | TAGS | TIME | REFRESH | DATASOURCE | LINK | VARIABLE | LABEL_VALUES | CUSTOM | MULTI | ALL
    | DEFAULT | REGEX | HIDE | ROW | COLLAPSED | TIMESERIES | STAT | BARGAUGE | TABLE | HEATMAP | TEXT | QUERY
    | DECIMALS | MIN | MAX | THRESHOLDS | STACK | PERCENT | CONTENT | WIDTH | HEIGHT | PLACE | ID | LEGEND
    | INSTANT | URL | TEMPLATE | USE | INHIBITS | DELIVERY | RECEIVER | SPARES | ROUTING | GROUP_BY | PAGE
    | GROUP_WAIT | GROUP_INTERVAL | REPEAT_INTERVAL
    ;

IMPORT          : 'import';
PARAM           : 'param';
SEVERITIES      : 'severities';
METRIC          : 'metric';
COUNTER         : 'counter';
GAUGE           : 'gauge';
SUMMARY         : 'summary';
UNTYPED         : 'untyped';
HELP            : 'help';
UNIT            : 'unit';
JMX             : 'jmx';
CGROUP          : 'cgroup';
LABELS          : 'labels';
CONDITIONAL     : 'conditional';
SINCE           : 'since';
UNTIL           : 'until';
ATTRIBUTE       : 'attribute';
LABEL           : 'label';
SCALE           : 'scale';
AS              : 'as';
FAMILY          : 'family';
MEMBER          : 'member';
EXTERNAL        : 'external';
SOURCE          : 'source';
GROUP           : 'group';
INTERVAL        : 'interval';
LIMIT           : 'limit';
ALERT           : 'alert';
RECORD          : 'record';
EXPR            : 'expr';
FOR             : 'for';
KEEP_FIRING_FOR : 'keep_firing_for';
SEVERITY        : 'severity';
DESCRIPTION     : 'description';
RUNBOOK         : 'runbook';
ANNOTATIONS     : 'annotations';
TEST            : 'test';
SERIES          : 'series';
EXPECT          : 'expect';
FIRING          : 'firing';
QUIET           : 'quiet';
AT_KW           : 'at';
DASHBOARD       : 'dashboard';
UID             : 'uid';
TAGS            : 'tags';
TIME            : 'time';
REFRESH         : 'refresh';
DATASOURCE      : 'datasource';
LINK            : 'link';
VARIABLE        : 'variable';
LABEL_VALUES    : 'label_values';
CUSTOM          : 'custom';
MULTI           : 'multi';
ALL             : 'all';
DEFAULT         : 'default';
REGEX           : 'regex';
HIDE            : 'hide';
ROW             : 'row';
COLLAPSED       : 'collapsed';
TIMESERIES      : 'timeseries';
STAT            : 'stat';
BARGAUGE        : 'bargauge';
TABLE           : 'table';
HEATMAP         : 'heatmap';
TEXT            : 'text';
QUERY           : 'query';
DECIMALS        : 'decimals';
MIN             : 'min';
MAX             : 'max';
THRESHOLDS      : 'thresholds';
STACK           : 'stack';
PERCENT         : 'percent';
CONTENT         : 'content';
WIDTH           : 'width';
HEIGHT          : 'height';
PLACE           : 'place';
ID              : 'id';
LEGEND          : 'legend';
INSTANT         : 'instant';
URL             : 'url';
TEMPLATE        : 'template';
USE             : 'use';
INHIBITS        : 'inhibits';
DELIVERY        : 'delivery';
RECEIVER        : 'receiver';
SPARES          : 'spares';
ROUTING         : 'routing';
GROUP_BY        : 'group_by';
PAGE            : 'page';
GROUP_WAIT      : 'group_wait';
GROUP_INTERVAL  : 'group_interval';
REPEAT_INTERVAL : 'repeat_interval';
// overrides PromQl.g4's PARAM_REF: Grafana's other spellings of a variable, ${name}, ${name:format}, [[name]]
PARAM_REF
    : '$' [a-zA-Z_] [a-zA-Z0-9_]*
    | '${' [a-zA-Z_] [a-zA-Z0-9_]* (':' [a-zA-Z0-9_]+)? '}'
    | '[[' [a-zA-Z_] [a-zA-Z0-9_]* (':' [a-zA-Z0-9_]+)? ']]'
    ;
