namespace Signal.Application.Common.Abstractions;

/// <summary>
/// The processor feed's current version as this instance last heard it (LISTEN/NOTIFY, re-read periodically): answers
/// a conditional feed request without touching the database. Null until first read.
/// </summary>
public interface IFeedVersion
{
    long? Current { get; }
}
