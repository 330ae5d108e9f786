namespace Signal.Domain.Templates;

/// <summary>Whether events reach the vendor from Signal's servers or from the visitor's browser.</summary>
public enum DeliveryMode
{
    ServerSide,
    ClientSide,
}
