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
    ;

importDecl
    : IMPORT path=STRING
    ;

paramDecl
    : PARAM name=identifier EQ value=paramLiteral (HELP help=STRING)?
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
    : ATTRIBUTE attr=attributeName                        # attributeOption
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

groupDecl
    : GROUP name=groupName (INTERVAL interval=durationRef)? LBRACE ruleDecl* RBRACE
    ;

groupName
    : STRING
    | identifier (MINUS identifier)*
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

// every keyword stays usable as a metric, label or rule name
identifier
    : IDENT
    | promKeyword
    | bwKeyword
    ;

bwKeyword
    : IMPORT | PARAM | SEVERITIES | METRIC | COUNTER | GAUGE | SUMMARY | UNTYPED | HELP | UNIT | JMX | CGROUP
    | LABELS | CONDITIONAL | SINCE | UNTIL | ATTRIBUTE | SCALE | AS | FAMILY | MEMBER | EXTERNAL | SOURCE
    | GROUP | INTERVAL | ALERT | RECORD | EXPR | FOR | KEEP_FIRING_FOR | SEVERITY | DESCRIPTION | RUNBOOK
    | ANNOTATIONS | TEST | SERIES | EXPECT | FIRING | QUIET | AT_KW
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
SCALE           : 'scale';
AS              : 'as';
FAMILY          : 'family';
MEMBER          : 'member';
EXTERNAL        : 'external';
SOURCE          : 'source';
GROUP           : 'group';
INTERVAL        : 'interval';
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
