package dev.brokerwatch.dsl.dashboard;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The unit ids Grafana's value formatters know (Standard options, Unit). An id Grafana does not know is
 * shown as a plain suffix, so a typo silently turns "bytes" into the text "byte" after every number.
 */
public final class GrafanaUnits {
    /** Custom units Grafana builds from a prefix: {@code suffix:msg/s}, {@code si:B}, {@code currency:€}... */
    public static final List<String> CUSTOM_PREFIXES = List.of("suffix:", "prefix:", "si:", "count:", "currency:", "time:");

    public static final Set<String> KNOWN = new TreeSet<>(List.of(
            // misc
            "none", "string", "short", "sishort", "percent", "percentunit", "humidity", "dB", "candela", "hex0x", "hex",
            "sci", "locale", "pixel", "bool", "bool_yes_no", "bool_on_off",
            // data
            "bits", "decbits", "bytes", "decbytes", "kbytes", "deckbytes", "mbytes", "decmbytes", "gbytes", "decgbytes",
            "tbytes", "dectbytes", "pbytes", "decpbytes",
            // data rate
            "pps", "binbps", "bps", "binBps", "Bps", "binKbits", "Kbits", "binKBs", "KBs", "binMbits", "Mbits", "binMBs",
            "MBs", "binGbits", "Gbits", "binGBs", "GBs", "binTbits", "Tbits", "binTBs", "TBs", "binPbits", "Pbits",
            "binPBs", "PBs",
            // time
            "hertz", "ns", "µs", "ms", "s", "m", "h", "d", "dtdurationms", "dtdurations", "dthms", "dtdhms", "timeticks",
            "clockms", "clocks",
            // date and time
            "dateTimeAsIso", "dateTimeAsIsoNoDateIfToday", "dateTimeAsUS", "dateTimeAsUSNoDateIfToday", "dateTimeAsLocal",
            "dateTimeAsLocalNoDateIfToday", "dateTimeAsSystem", "dateTimeFromNow",
            // throughput
            "cps", "ops", "reqps", "rps", "wps", "iops", "eps", "mps", "recps", "cpm", "opm", "reqpm", "rpm", "wpm",
            "epm", "mpm", "recpm",
            // computation and hash rate
            "flops", "mflops", "gflops", "tflops", "pflops", "eflops", "zflops", "yflops", "Hs", "KHs", "MHs", "GHs",
            "THs", "PHs", "EHs",
            // energy
            "watt", "kwatt", "megwatt", "gwatt", "mwatt", "Wm2", "voltamp", "kvoltamp", "voltampreact", "kvoltampreact",
            "watth", "watthperkg", "kwatth", "kwattm", "mwatth", "amph", "kamph", "mamph", "joule", "ev", "amp", "kamp",
            "mamp", "volt", "kvolt", "mvolt", "dBm", "mohm", "ohm", "kohm", "Mohm", "farad", "µfarad", "nfarad",
            "pfarad", "ffarad", "henry", "mhenry", "µhenry", "lumens",
            // temperature, length, mass, volume, velocity, pressure, flow, force, angle, area, acceleration
            "celsius", "fahrenheit", "kelvin", "lengthmm", "lengthin", "lengthft", "lengthm", "lengthkm", "lengthmi",
            "massmg", "massg", "masslb", "masskg", "masst", "mlitre", "litre", "m3", "Nm3", "dm3", "gallons",
            "velocityms", "velocitykmh", "velocitymph", "velocityknot", "pressurembar", "pressurebar", "pressurekbar",
            "pressurepa", "pressurehpa", "pressurekpa", "pressurehg", "pressurepsi", "flowgpm", "flowcms", "flowcfs",
            "flowcfm", "litreh", "flowlpm", "flowmlpm", "lux", "forceNm", "forcekNm", "forceN", "forcekN", "degree",
            "radian", "grad", "arcmin", "arcsec", "areaM2", "areaF2", "areaMI2", "acres", "hectares", "accMS2", "accFS2",
            "accG", "rotrpm", "rothz", "rotrads", "rotdegs", "ppm", "conppb",
            // currency
            "currencyUSD", "currencyGBP", "currencyEUR", "currencyJPY", "currencyRUB", "currencyUAH", "currencyBRL",
            "currencyDKK", "currencyISK", "currencyNOK", "currencySEK", "currencyCZK", "currencyCHF", "currencyPLN",
            "currencyBTC", "currencymBTC", "currencyμBTC", "currencyZAR", "currencyINR", "currencyKRW", "currencyIDR",
            "currencyPHP", "currencyVND"));

    private GrafanaUnits() {
    }

    public static boolean isKnown(String unit) {
        return KNOWN.contains(unit) || CUSTOM_PREFIXES.stream().anyMatch(p -> unit.startsWith(p) && unit.length() > p.length());
    }
}
