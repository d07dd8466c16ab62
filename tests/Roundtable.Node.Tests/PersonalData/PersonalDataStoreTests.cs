using System.Text;
using Roundtable.Node.PersonalData;

namespace Roundtable.Node.Tests.PersonalData;

public sealed class PersonalDataStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rt-pd-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_kept_value_is_found_by_its_commitment()
    {
        var store = new PersonalDataStore(_directory);
        var disclosure = FreshDisclosure.Of("organisation", "Société Analytique");

        Assert.Equal(KeepOutcome.Stored, store.Keep(disclosure, () => true));

        Assert.Equal("Société Analytique", store.Find(disclosure.Commitment));
        Assert.Equal(disclosure, store.Read(disclosure.Commitment));
        Assert.Equal(KeepOutcome.AlreadyHeld, store.Keep(disclosure, () => true));
    }

    [Fact]
    public void Erasing_leaves_neither_the_value_nor_the_salt_in_any_file()
    {
        var store = new PersonalDataStore(_directory);
        var disclosure = FreshDisclosure.Of("gender", "non-binary");
        store.Keep(disclosure, () => true);

        Assert.True(store.Erase(disclosure.Commitment));

        Assert.Null(store.Find(disclosure.Commitment));
        Assert.Empty(store.Commitments());
        var value = Encoding.UTF8.GetBytes("non-binary");
        Assert.DoesNotContain(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories), f =>
            File.ReadAllBytes(f).AsSpan().IndexOf(value) >= 0 || File.ReadAllBytes(f).AsSpan().IndexOf(disclosure.Salt) >= 0);
    }

    [Fact]
    public void What_it_holds_is_known_without_reading_files_and_survives_reopening()
    {
        var store = new PersonalDataStore(_directory);
        var kept = FreshDisclosure.Of("organisation", "Kept Lab");
        var erased = FreshDisclosure.Of("organisation", "Erased Lab");
        store.Keep(kept, () => true);
        store.Keep(erased, () => true);
        store.Erase(erased.Commitment);

        var reopened = new PersonalDataStore(_directory);

        foreach (var s in new[] { store, reopened })
        {
            Assert.True(s.Holds(kept.Commitment));
            Assert.False(s.Holds(erased.Commitment));
            Assert.Equal([kept.Commitment], s.Commitments());
        }

        Assert.Equal(kept, reopened.Read(kept.Commitment));
        Assert.Null(reopened.Read(erased.Commitment));
        Assert.Equal(KeepOutcome.AlreadyHeld, reopened.Keep(kept, () => true));
    }

    [Fact]
    public void A_field_withdrawn_meanwhile_is_not_kept()
    {
        var store = new PersonalDataStore(_directory);
        var disclosure = FreshDisclosure.Of("gender", "woman");

        Assert.Equal(KeepOutcome.Withdrawn, store.Keep(disclosure, () => false));

        Assert.Null(store.Find(disclosure.Commitment));
    }
}
