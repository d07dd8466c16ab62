using Roundtable.Core.Hashing;
using Roundtable.Node.Peers;

namespace Roundtable.Node.Tests.Peers;

public sealed class RequestPacingTests
{
    private static readonly Hash256 Eager = Hash256.Compute("asks every 100 ms"u8);
    private static readonly Hash256 Patient = Hash256.Compute("asks every 5 s"u8);

    [Fact]
    public void A_peer_is_answered_at_most_once_per_interval_and_others_are_not_held_up_by_it()
    {
        var pacing = new RequestPacing(TimeSpan.FromSeconds(1));

        Assert.True(pacing.TryAnswer(Eager, 10_000));
        Assert.False(pacing.TryAnswer(Eager, 10_100));
        Assert.False(pacing.TryAnswer(Eager, 10_999));
        Assert.True(pacing.TryAnswer(Patient, 10_999));
        Assert.True(pacing.TryAnswer(Eager, 11_000));
        Assert.False(pacing.TryAnswer(Eager, 11_500));
    }

    [Fact]
    public void A_peer_forgotten_on_disconnecting_is_answered_at_once_when_it_returns()
    {
        var pacing = new RequestPacing(TimeSpan.FromSeconds(1));
        Assert.True(pacing.TryAnswer(Eager, 10_000));

        pacing.Forget(Eager);

        Assert.True(pacing.TryAnswer(Eager, 10_001));
    }
}
