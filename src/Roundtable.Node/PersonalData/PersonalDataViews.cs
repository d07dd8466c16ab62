using System.Text.Json.Nodes;
using Roundtable.Application.PersonalData;

namespace Roundtable.Node.PersonalData;

/// <summary>JSON views of personal fields: a value only while it is available on this node.</summary>
public static class PersonalDataViews
{
    /// <summary>The words a view uses for <paramref name="availability"/>.</summary>
    public static string StatusOf(PersonalFieldAvailability availability) => availability switch
    {
        PersonalFieldAvailability.Available => "available",
        PersonalFieldAvailability.Withdrawn => "withdrawn by its owner",
        _ => "not available",
    };

    /// <summary>A field as shown inside a member or a participant.</summary>
    public static JsonObject Field(PersonalFieldView view)
    {
        var json = new JsonObject
        {
            ["commitment"] = view.Commitment.ToString(),
            ["status"] = StatusOf(view.Availability),
        };
        if (view.Value is { } value)
        {
            json["value"] = value;
        }

        if (view.Availability == PersonalFieldAvailability.Withdrawn)
        {
            json["withdrawnAtHeight"] = view.WithdrawnAtHeight;
        }

        return json;
    }

    /// <summary>A field with its owner, name and the height it was recorded at.</summary>
    public static JsonObject Record(PersonalFieldRecord record, PersonalFieldView view)
    {
        var json = Field(view);
        json["owner"] = record.Owner.ToString();
        json["field"] = record.Field;
        json["recordedAtHeight"] = record.RecordedAtHeight;
        return json;
    }
}
