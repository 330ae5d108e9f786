using System.Text.Json;
using FluentValidation;
using Mediator;
using Signal.Application.Common.Errors;

namespace Signal.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler and turns failures into one
/// <see cref="ValidationFailedException"/> whose keys are the snake_case JSON paths the client sent.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            var context = new ValidationContext<TMessage>(message);
            var failures = new List<FluentValidation.Results.ValidationFailure>();
            foreach (var validator in _validators)
            {
                var result = await validator.ValidateAsync(context, cancellationToken);
                failures.AddRange(result.Errors);
            }

            if (failures.Count > 0)
            {
                throw new ValidationFailedException(failures
                    .GroupBy(f => ToJsonPath(f.PropertyName), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
            }
        }

        return await next(message, cancellationToken);
    }

    /// <summary><c>JsBuilderConfig.ScriptFilename</c> → <c>js_builder_config.script_filename</c>; indexers are kept.</summary>
    internal static string ToJsonPath(string propertyName) => string.Join('.', propertyName
        .Split('.')
        .Select(segment =>
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0
                ? JsonNamingPolicy.SnakeCaseLower.ConvertName(segment)
                : JsonNamingPolicy.SnakeCaseLower.ConvertName(segment[..bracket]) + segment[bracket..];
        }));
}
