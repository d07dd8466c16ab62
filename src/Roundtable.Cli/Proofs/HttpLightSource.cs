using Roundtable.Cli.Api;
using Roundtable.Core.Encoding;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Cli.Proofs;

/// <summary>A node's API as a light-client source. Nothing it answers is trusted; the light client checks it.</summary>
internal sealed class HttpLightSource(ApiClient api) : ILightSource
{
    public string Name => api.NodeUrl;

    public async Task<ulong> LatestHeightAsync(CancellationToken cancellation) =>
        (await api.StatusAsync(cancellation).ConfigureAwait(false))["height"]?.GetValue<ulong>() ?? 0;

    public async Task<LightBlock?> GetAsync(ulong height, CancellationToken cancellation)
    {
        byte[] bytes;
        try
        {
            bytes = await api.LightBlockAsync(height, cancellation).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            return null;
        }

        try
        {
            return LightBlock.Decode(bytes);
        }
        catch (DecodeException e)
        {
            throw new LightClientException($"{Name} served a malformed light block for height {height}: {e.Message}");
        }
    }
}
