using Mediator;

namespace Signal.Application.Pipelines.BuildCollector;

/// <summary>Sent by the build worker: builds the oldest queued collector, if any. Answers whether there was one.</summary>
public sealed record BuildNextCollectorCommand : ICommand<bool>;
