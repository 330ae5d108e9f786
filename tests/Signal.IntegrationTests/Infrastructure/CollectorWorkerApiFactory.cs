namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// A test host whose background worker builds collectors. Tests run one class at a time, and a class fixture lives only
/// while its class runs, so there is never a second worker claiming the same builds.
/// </summary>
public sealed class CollectorWorkerApiFactory : SignalApiFactory
{
    protected override bool WorkerEnabled => true;
}
