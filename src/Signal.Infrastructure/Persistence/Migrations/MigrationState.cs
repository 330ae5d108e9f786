namespace Signal.Infrastructure.Persistence.Migrations;

/// <summary>Whether this instance has seen the schema up to date; set once, read on every readiness probe.</summary>
public sealed class MigrationState
{
    private volatile bool _isCurrent;

    public bool IsCurrent => _isCurrent;

    internal void MarkCurrent() => _isCurrent = true;
}
