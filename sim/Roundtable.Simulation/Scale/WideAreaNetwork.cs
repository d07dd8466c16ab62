namespace Roundtable.Simulation;

/// <summary>
/// The wide-area network of a scale run: nodes placed in six regions, one-way delays of half the
/// regions' round-trip time plus jitter and a tail, loss, one slow region, and a sparse topology
/// (each validator linked to a few validators and to full-node hubs). Links are undirected; what
/// a node sends reaches only its neighbours, and relaying does the rest.
/// </summary>
internal sealed class WideAreaNetwork
{
    /// <summary>Full nodes per region; they are the hubs every validator links to.</summary>
    public const int HubsPerRegion = 2;

    /// <summary>Validators each validator dials (links are undirected, so it has about twice as many).</summary>
    public const int ValidatorDials = 3;

    public static readonly string[] Regions = ["africa", "asia", "europe", "north-america", "oceania", "south-america"];

    // Round-trip times in ms, in the order of Regions. Between regions: AWS inter-region round trips
    // from cloudping.co (Africa = af-south-1, Asia = ap-east-1, Europe = eu-central-1, North
    // America = us-east-1, Oceania = ap-southeast-2, South America = sa-east-1); the rows of
    // af-south-1 and ap-east-1 as published there, the other six pairs our rounded estimates (see
    // docs/scale.md). Within a region: institutions in different cities of one continent.
    private static readonly int[,] RoundTripMs =
    {
        //  af   asia  eu   na   oce  sa
        { 20, 239, 155, 227, 295, 337 },
        { 239, 60, 199, 202, 125, 312 },
        { 155, 199, 15, 90, 250, 205 },
        { 227, 202, 90, 40, 200, 115 },
        { 295, 125, 250, 200, 20, 310 },
        { 337, 312, 205, 115, 310, 20 },
    };

    // Where validators sit, in the order of Regions (weights).
    private static readonly int[] PlacementWeights = [10, 20, 25, 25, 10, 10];

    private const int JitterPercent = 10;
    private const int JitterFloorMs = 5;
    private const int TailPerMille = 10;
    private const int TailMaxMs = 200;
    private const int LossPerMille = 2;
    private const int SlowExtraOneWayMs = 100;
    private const int SlowLossPerMille = 20;

    private readonly int _validators;
    private readonly int[] _regionOf;
    private readonly int[][] _neighbours;

    private WideAreaNetwork(int validators, int[] regionOf, int slowRegion, int[][] neighbours)
    {
        _validators = validators;
        _regionOf = regionOf;
        SlowRegion = slowRegion;
        _neighbours = neighbours;
    }

    public int SlowRegion { get; }

    /// <summary>Places <paramref name="validators"/> validators (nodes 0..v−1) and the hubs after them, and links them.</summary>
    public static WideAreaNetwork Build(Random random, int validators)
    {
        var hubs = Regions.Length * HubsPerRegion;
        var regionOf = new int[validators + hubs];
        for (var v = 0; v < validators; v++)
        {
            regionOf[v] = Placement(random);
        }

        for (var h = 0; h < hubs; h++)
        {
            regionOf[validators + h] = h / HubsPerRegion;
        }

        var links = Enumerable.Range(0, regionOf.Length).Select(_ => new SortedSet<int>()).ToArray();
        void Link(int a, int b)
        {
            links[a].Add(b);
            links[b].Add(a);
        }

        for (var a = validators; a < regionOf.Length; a++)
        {
            for (var b = a + 1; b < regionOf.Length; b++)
            {
                Link(a, b);
            }
        }

        for (var v = 0; v < validators; v++)
        {
            // One hub nearby, one anywhere else, and a few validators at random.
            var near = validators + (regionOf[v] * HubsPerRegion) + random.Next(HubsPerRegion);
            var far = validators + random.Next(hubs - 1);
            Link(v, near);
            Link(v, far >= near ? far + 1 : far);
            var dialled = 0;
            while (dialled < Math.Min(ValidatorDials, validators - 1))
            {
                var peer = random.Next(validators);
                if (peer != v && links[v].Add(peer))
                {
                    links[peer].Add(v);
                    dialled++;
                }
            }
        }

        return new WideAreaNetwork(validators, regionOf, random.Next(Regions.Length), [.. links.Select(l => l.ToArray())]);
    }

    public IReadOnlyList<int> Neighbours(int node) => _neighbours[node];

    public string RegionOf(int node) => Regions[_regionOf[node]];

    /// <summary>True when the message from <paramref name="from"/> to <paramref name="to"/> is lost.</summary>
    public bool Loses(int from, int to, Random random) =>
        random.Next(1000) < LossPerMille + (Touches(from, to) ? SlowLossPerMille : 0);

    /// <summary>One-way delay: half the round trip, jitter up to a tenth of it, sometimes a tail, and the slow region's surcharge.</summary>
    public ulong DelayMs(int from, int to, Random random)
    {
        var oneWay = RoundTripMs[_regionOf[from], _regionOf[to]] / 2;
        var delay = oneWay + random.Next(0, (oneWay * JitterPercent / 100) + JitterFloorMs + 1);
        if (random.Next(1000) < TailPerMille)
        {
            delay += random.Next(0, TailMaxMs + 1);
        }

        return (ulong)(delay + (_regionOf[from] == SlowRegion ? SlowExtraOneWayMs : 0) + (_regionOf[to] == SlowRegion ? SlowExtraOneWayMs : 0));
    }

    public string Describe()
    {
        var placement = string.Join(", ", Regions.Select((r, i) => $"{r} {Enumerable.Range(0, _validators).Count(v => _regionOf[v] == i)}"));
        var validatorLinks = Enumerable.Range(0, _validators).Sum(v => _neighbours[v].Length);
        return $"wide area: validators in {placement}; {_regionOf.Length - _validators} full nodes as hubs ({HubsPerRegion} per region, meshed); " +
            $"validators have {validatorLinks / _validators} links on average, at most {Enumerable.Range(0, _validators).Max(v => _neighbours[v].Length)}; " +
            $"slow region {Regions[SlowRegion]} (+{SlowExtraOneWayMs} ms each way, +{SlowLossPerMille}‰ loss); loss {LossPerMille}‰, " +
            $"jitter up to {JitterPercent}% of the one-way delay + {JitterFloorMs} ms, {TailPerMille}‰ of messages up to {TailMaxMs} ms later";
    }

    private bool Touches(int from, int to) => _regionOf[from] == SlowRegion || _regionOf[to] == SlowRegion;

    private static int Placement(Random random) => Scenario.Pick(random, [.. PlacementWeights.Select((weight, region) => (region, weight))]);
}
