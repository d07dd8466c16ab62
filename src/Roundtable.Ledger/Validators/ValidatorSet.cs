using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Validators;

/// <summary>
/// The validators of one height, ordered by key. Its hash goes into every header so that a light
/// client knows which keys must sign the commit.
/// </summary>
public sealed class ValidatorSet
{
    /// <summary>Largest number of validators in a set.</summary>
    public const int MaxValidators = 256;

    private readonly Validator[] _validators;

    /// <summary>Creates a set; validators are sorted by key and must be unique with non-zero power.</summary>
    /// <exception cref="ArgumentException">
    /// No validators or more than <see cref="MaxValidators"/>, a key listed twice, a validator without
    /// power, or a total power above 2^64 − 1.
    /// </exception>
    public ValidatorSet(IEnumerable<Validator> validators)
    {
        _validators = [.. validators];
        Array.Sort(_validators, static (a, b) => a.Key.CompareTo(b.Key));
        if (_validators.Length is 0 or > MaxValidators)
        {
            throw new ArgumentException($"A validator set has 1 to {MaxValidators} validators.", nameof(validators));
        }

        ulong total = 0;
        for (var i = 0; i < _validators.Length; i++)
        {
            if (_validators[i].Power == 0)
            {
                throw new ArgumentException("A validator must have voting power.", nameof(validators));
            }

            if (i > 0 && _validators[i - 1].Key.Equals(_validators[i].Key))
            {
                throw new ArgumentException("A key appears twice in the validator set.", nameof(validators));
            }

            if (_validators[i].Power > ulong.MaxValue - total)
            {
                throw new ArgumentException("The total voting power does not fit in 64 bits.", nameof(validators));
            }

            total += _validators[i].Power;
        }

        TotalPower = total;
        var writer = new CanonicalWriter();
        Encode(writer);
        Hash = Hash256.Compute(writer.WrittenSpan);
    }

    /// <summary>Validators in key order.</summary>
    public IReadOnlyList<Validator> Validators => _validators;

    /// <summary>Sum of all voting power.</summary>
    public ulong TotalPower { get; }

    /// <summary>SHA-256 of the canonical encoding.</summary>
    public Hash256 Hash { get; }

    /// <summary>True when <paramref name="power"/> is more than two thirds of the total.</summary>
    public bool IsQuorum(ulong power) => (UInt128)power * 3 > (UInt128)TotalPower * 2;

    /// <summary>The validator with this key, or null.</summary>
    public Validator? Find(PublicKey key)
    {
        var index = IndexOf(key);
        return index < 0 ? null : _validators[index];
    }

    /// <summary>Index of the validator with this key, or −1.</summary>
    public int IndexOf(PublicKey key)
    {
        var lo = 0;
        var hi = _validators.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _validators[mid].Key.CompareTo(key);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Writes the count and each validator in key order.</summary>
    public void Encode(CanonicalWriter writer) => writer.WriteList(_validators, static (w, v) => v.Encode(w));

    /// <summary>Reads a set; refuses unsorted or duplicate keys.</summary>
    public static ValidatorSet Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxValidators, "validator count");
        var validators = new Validator[count];
        for (var i = 0; i < count; i++)
        {
            validators[i] = Validator.Decode(ref reader);
            if (i > 0 && validators[i - 1].Key.CompareTo(validators[i].Key) >= 0)
            {
                throw new DecodeException(DecodeError.NonCanonical, "Validators must be in ascending key order without duplicates.");
            }
        }

        try
        {
            return new ValidatorSet(validators);
        }
        catch (ArgumentException e)
        {
            throw new DecodeException(DecodeError.InvalidValue, e.Message);
        }
    }
}
