namespace Roundtable.Cli.Infrastructure;

/// <summary>Default locations, each overridable by an option and then an environment variable.</summary>
internal static class Paths
{
    public const string HomeVariable = "ROUNDTABLE_HOME";
    public const string KeyringVariable = "ROUNDTABLE_KEYRING";
    public const string NodeVariable = "ROUNDTABLE_NODE";
    public const string DefaultNodeUrl = "http://127.0.0.1:26657";

    /// <summary>The node home: --home, then $ROUNDTABLE_HOME, then ~/.roundtable/node.</summary>
    public static string NodeHome(CliHost host, string? option) =>
        Path.GetFullPath(Expand(host, option ?? host.Environment(HomeVariable) ?? Path.Combine(host.UserHome, ".roundtable", "node")));

    /// <summary>The keyring: --keyring, then $ROUNDTABLE_KEYRING, then ~/.roundtable/keys.</summary>
    public static string Keyring(CliHost host, string? option) =>
        Path.GetFullPath(Expand(host, option ?? host.Environment(KeyringVariable) ?? Path.Combine(host.UserHome, ".roundtable", "keys")));

    /// <summary>The node API: --node, then $ROUNDTABLE_NODE, then the default local port.</summary>
    public static string NodeUrl(CliHost host, string? option) => option ?? host.Environment(NodeVariable) ?? DefaultNodeUrl;

    private static string Expand(CliHost host, string path) =>
        path == "~" ? host.UserHome
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(host.UserHome, path[2..])
        : path;
}
