namespace Signal.Domain.Catalog;

/// <summary>Availability of a vendor integration: <c>ga</c> or <c>beta</c> (the vendor's server-side API is itself limited).</summary>
public enum VendorStatus
{
    Ga,
    Beta,
}
