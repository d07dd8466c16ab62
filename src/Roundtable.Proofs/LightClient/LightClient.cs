using Roundtable.Proofs.Verification;

namespace Roundtable.Proofs.LightClient;

/// <summary>
/// Follows a chain's headers from a trusted state without executing blocks (docs/proofs.md §6),
/// as CometBFT's light client does: sequentially, every header checked against the set its
/// predecessor named; or by skipping, where a far header is accepted when validators holding more
/// than 1/3 of the trusted set's power signed it (so at least one honest validator vouches for it)
/// and more than 2/3 of its own set did, bisecting when the overlap is too small. A witness source
/// is asked for the same target; two valid headers for one height are reported as evidence.
/// The clock is a parameter: the client itself is deterministic.
/// </summary>
public sealed class LightClient
{
    private readonly string _chainId;
    private readonly LightClientOptions _options;
    private int _fetched;
    private int _verified;

    /// <summary>Creates a client that trusts <paramref name="trusted"/> on chain <paramref name="chainId"/>.</summary>
    public LightClient(string chainId, TrustedState trusted, LightClientOptions? options = null)
    {
        _chainId = chainId;
        Trusted = trusted;
        _options = options ?? new LightClientOptions();
    }

    /// <summary>What the client trusts now.</summary>
    public TrustedState Trusted { get; private set; }

    /// <summary>
    /// Verifies the primary's header at <paramref name="target"/> (its latest when null) and, when a
    /// witness is given, cross-checks it.
    /// </summary>
    /// <exception cref="LightClientException">A header from the primary did not verify; the message says which and why.</exception>
    public async Task<LightSync> SyncAsync(ILightSource primary, ILightSource? witness, ulong? target, ulong nowMs, CancellationToken cancellation = default)
    {
        var start = Trusted;
        var height = target ?? await primary.LatestHeightAsync(cancellation).ConfigureAwait(false);
        if (height <= start.Height)
        {
            throw new LightClientException($"The target height {height} is not after the trusted height {start.Height}.");
        }

        LightBlock block;
        if (_options.Sequential)
        {
            (Trusted, block) = await VerifySequentialAsync(primary, start, height, nowMs, cancellation).ConfigureAwait(false);
        }
        else
        {
            block = await FetchAsync(primary, height, cancellation).ConfigureAwait(false);
            Trusted = await VerifySkippingAsync(primary, start, block, nowMs, cancellation).ConfigureAwait(false);
        }

        if (witness is null)
        {
            return new LightSync(Trusted, block.Header, _fetched, _verified, null, null);
        }

        var other = await witness.GetAsync(height, cancellation).ConfigureAwait(false);
        if (other is null)
        {
            return new LightSync(Trusted, block.Header, _fetched, _verified, null, $"the witness {witness.Name} has no block at height {height}");
        }

        if (other.Header.Id == block.Header.Id)
        {
            return new LightSync(Trusted, block.Header, _fetched, _verified, null, null);
        }

        // A different header: it is evidence only if it verifies from the same trust.
        try
        {
            await VerifySkippingAsync(witness, start, other, nowMs, cancellation).ConfigureAwait(false);
        }
        catch (LightClientException e)
        {
            return new LightSync(Trusted, block.Header, _fetched, _verified, null, $"the witness {witness.Name} served a header that does not verify: {e.Message}");
        }

        return new LightSync(Trusted, block.Header, _fetched, _verified, new ConflictingCommits(block, other, DoubleSigners(block, other)), null);
    }

    private async Task<(TrustedState Trusted, LightBlock Last)> VerifySequentialAsync(ILightSource source, TrustedState trusted, ulong target, ulong nowMs, CancellationToken cancellation)
    {
        LightBlock? last = null;
        for (var h = trusted.Height + 1; h <= target; h++)
        {
            last = await FetchAsync(source, h, cancellation).ConfigureAwait(false);
            var verdict = Check(trusted, last, nowMs);
            trusted = verdict.Problem is null ? Advance(last) : throw new LightClientException($"{source.Name}, header {h}: {verdict.Problem}");
        }

        return (trusted, last!);
    }

    private async Task<TrustedState> VerifySkippingAsync(ILightSource source, TrustedState trusted, LightBlock target, ulong nowMs, CancellationToken cancellation)
    {
        var pending = new Stack<LightBlock>();
        pending.Push(target);
        while (pending.Count > 0)
        {
            var block = pending.Peek();
            var verdict = Check(trusted, block, nowMs);
            if (verdict.Problem is not null)
            {
                throw new LightClientException($"{source.Name}, header {block.Header.Height}: {verdict.Problem}");
            }

            if (verdict.NeedsCloserHeader)
            {
                var pivot = trusted.Height + ((block.Header.Height - trusted.Height) / 2);
                pending.Push(await FetchAsync(source, pivot, cancellation).ConfigureAwait(false));
                continue;
            }

            trusted = Advance(block);
            pending.Pop();
        }

        return trusted;
    }

    /// <summary>Checks one block against the trusted state: a problem, a request to bisect, or acceptance.</summary>
    private (string? Problem, bool NeedsCloserHeader) Check(TrustedState trusted, LightBlock block, ulong nowMs)
    {
        var header = block.Header;
        if (header.ChainId != _chainId)
        {
            return ($"it is of chain '{header.ChainId}', not '{_chainId}'", false);
        }

        if (header.Height <= trusted.Height || header.TimeMs <= trusted.TimeMs && trusted.Height > 0)
        {
            return ($"its height {header.Height} and time must come after the trusted height {trusted.Height}", false);
        }

        if (nowMs > trusted.TimeMs && nowMs - trusted.TimeMs > _options.TrustingPeriodMs)
        {
            return ($"the trusted header at height {trusted.Height} is older than the trusting period ({_options.TrustingPeriodMs / 3_600_000} h); start from a newer trusted header", false);
        }

        if (header.TimeMs > nowMs + _options.MaxClockDriftMs)
        {
            return ($"its time {header.TimeMs} lies in the future of this clock ({nowMs})", false);
        }

        if (block.Validators.Hash != header.ValidatorSetHash || block.NextValidators.Hash != header.NextValidatorSetHash)
        {
            return ("the validator sets served with it are not the ones it names", false);
        }

        if (block.Commit.Height != header.Height || block.Commit.BlockId != header.Id)
        {
            return ("its commit is for another block", false);
        }

        var adjacent = header.Height == trusted.Height + 1;
        if (adjacent && header.ValidatorSetHash != trusted.NextValidators.Hash)
        {
            return ("it is decided by a validator set other than the one the trusted header named", false);
        }

        _verified++;
        var (own, problem) = CommitCheck.SignedPower(_chainId, block.Commit, block.Validators);
        if (problem is not null)
        {
            return (problem, false);
        }

        if (!block.Validators.IsQuorum(own))
        {
            return ($"its signers hold {own} of {block.Validators.TotalPower} power, not more than two thirds", false);
        }

        if (adjacent || _options.Sequential)
        {
            return (null, false);
        }

        var (overlap, overlapProblem) = CommitCheck.SignedPower(_chainId, block.Commit, trusted.NextValidators);
        if (overlapProblem is not null)
        {
            return (overlapProblem, false);
        }

        // More than 1/3 of the trusted set: at least one validator we trust to be honest signed it.
        return ((UInt128)overlap * 3 > trusted.NextValidators.TotalPower ? (null, false) : (null, true));
    }

    private static TrustedState Advance(LightBlock block) =>
        new(block.Header.Height, block.Header.TimeMs, block.Header.Id, block.NextValidators);

    private async Task<LightBlock> FetchAsync(ILightSource source, ulong height, CancellationToken cancellation)
    {
        _fetched++;
        return await source.GetAsync(height, cancellation).ConfigureAwait(false)
            ?? throw new LightClientException($"{source.Name} has no block at height {height}.");
    }

    private static IReadOnlyList<Core.Crypto.PublicKey> DoubleSigners(LightBlock a, LightBlock b)
    {
        var inB = new SortedSet<Core.Crypto.PublicKey>(b.Commit.Signatures.Select(s => s.Validator));
        return [.. a.Commit.Signatures.Select(s => s.Validator).Where(inB.Contains)];
    }
}
