namespace Signal.Application.Common.Abstractions;

/// <summary>
/// A representation part of which was observed rather than set (a status). Its entity tag covers the rest only: a
/// change of what was observed is no change of the resource, and must not fail an <c>If-Match</c> of a client that
/// changes what was set.
/// </summary>
public interface IObservedRepresentation
{
    /// <summary>The representation with the observed part at fixed values: what the entity tag is computed from.</summary>
    object WithoutObservations();
}
