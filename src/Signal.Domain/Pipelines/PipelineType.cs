namespace Signal.Domain.Pipelines;

/// <summary>Where a pipeline's events come from.</summary>
public enum PipelineType
{
    Web,
    App,
    Server,
}

/// <summary>How the generated JavaScript collector is served.</summary>
public enum DeliveryMethod
{
    Download,
    Cdn,
    Cluster,
}
