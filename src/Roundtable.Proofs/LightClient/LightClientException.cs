namespace Roundtable.Proofs.LightClient;

/// <summary>A header the light client refused, with the reason; nothing was trusted from it.</summary>
public sealed class LightClientException(string message) : Exception(message);
