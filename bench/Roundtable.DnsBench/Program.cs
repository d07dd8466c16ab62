using System.Globalization;
using Roundtable.Dns;
using Roundtable.DnsBench;

// The DNS figure of docs/benchmarks.md ("DNS"); bench/dns.sh drives it. Modes:
//   gen   --names N --queries M --zone PATH --query-file PATH   the zone file (for Knot, NSD and us) and the dnsperf input
//   serve --zone PATH --port P [--workers W] [--udp-batch B]    serves the zone on 127.0.0.1:P until SIGTERM/SIGINT
//                                                               (or stdin closed, with --until-stdin-closed); B is
//                                                               DnsServerOptions.UdpBatchSize (default: its default)
//   sign  --zone PATH                                           signs the zone (ECDSA P-256) and prints the time
//   prototype --zone PATH --port P [--workers W]                NOT the product: the engine behind blocking per-thread
//                                                               SO_REUSEPORT sockets, for the analysis (BlockingUdpPrototype)
//   answer --zone PATH --query-file PATH [--seconds S]          AnswerEngine.Answer alone, one thread, no sockets
// Results on stdout, progress on stderr.
const string Usage = """
    usage: Roundtable.DnsBench gen --names N --queries M --zone PATH --query-file PATH
           Roundtable.DnsBench serve --zone PATH --port P [--workers W] [--udp-batch B] [--until-stdin-closed]
           Roundtable.DnsBench sign --zone PATH
           Roundtable.DnsBench prototype --zone PATH --port P [--workers W]
           Roundtable.DnsBench answer --zone PATH --query-file PATH [--seconds S]
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var options = Options.Parse(args.AsSpan(1));
    return args[0] switch
    {
        "gen" => Generate(options),
        "serve" => await Serve.RunAsync(options.Path("--zone"), options.Int("--port"), options.Int("--workers", 2), options.Int("--udp-batch", new DnsServerOptions().UdpBatchSize), options.Flag("--until-stdin-closed")).ConfigureAwait(false),
        "sign" => Sign.Run(options.Path("--zone")),
        "prototype" => BlockingUdpPrototype.Run(options.Path("--zone"), options.Int("--port"), options.Int("--workers", 2)),
        "answer" => AnswerRate.Run(options.Path("--zone"), options.Path("--query-file"), options.Int("--seconds", 5)),
        _ => throw new ArgumentException($"unknown mode '{args[0]}'"),
    };
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static int Generate(Options options)
{
    var names = options.Int("--names");
    var queries = options.Int("--queries");
    var zonePath = options.Path("--zone");
    var queryPath = options.Path("--query-file");
    var records = BenchZone.Write(zonePath, names);
    var counts = BenchZone.WriteQueries(queryPath, names, queries);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"zone {BenchZone.Origin} {names:N0} names, {records:N0} records -> {zonePath}; {queries:N0} queries ({counts}) -> {queryPath}"));
    return 0;
}
