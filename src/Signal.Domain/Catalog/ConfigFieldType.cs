using System.Diagnostics.CodeAnalysis;

namespace Signal.Domain.Catalog;

/// <summary>The value type a config field accepts.</summary>
[SuppressMessage("Naming", "CA1720", Justification = "The member names are the catalog's wire format.")]
public enum ConfigFieldType
{
    String,
    Secret,
    Select,
    Boolean,
    Number,
}
