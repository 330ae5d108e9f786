using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Http;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Domain.Common;

namespace Signal.Api.Errors;

/// <summary>The one place where exceptions become problem+json responses; nothing reaches the client as a stack trace.</summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IDatabaseHealth databaseHealth,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // The client went away; there is nobody to answer.
        }

        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
            databaseHealth.DropIdleConnections();
            LogDatabaseUnavailable(exception.GetType().Name, exception.Message);
        }
        else if (problem.Status >= 500)
        {
            LogUnexpected(exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails ToProblem(Exception exception)
    {
        switch (exception)
        {
            case ValidationFailedException validation:
                return Problem(StatusCodes.Status400BadRequest, validation, validation.Errors);
            case NotFoundException notFound:
                return Problem(StatusCodes.Status404NotFound, notFound);
            case ConflictException conflict:
                var problem = Problem(StatusCodes.Status409Conflict, conflict);
                foreach (var (key, value) in conflict.Details)
                {
                    problem.Extensions[key] = value;
                }

                return problem;
            case DomainConflictException clash:
                return ToProblem(new ConflictException(clash.Code, clash.Message, clash.Details));
            case PreconditionFailedException precondition:
                return Problem(StatusCodes.Status412PreconditionFailed, precondition);
            case IdempotencyKeyReusedException reused:
                return Problem(StatusCodes.Status422UnprocessableEntity, reused);
            case DomainRuleException rule:
                // A domain guard caught what the validators let through: the same problem as a validation failure.
                var invalid = new ValidationFailedException(rule.Errors);
                return Problem(StatusCodes.Status400BadRequest, invalid, invalid.Errors);
            case DeletedAggregateException deleted:
                return Problem(StatusCodes.Status404NotFound, new NotFoundException(deleted.Resource, deleted.Id));
            case var _ when databaseHealth.IsUnstorableText(exception):
                var unstorable = ValidationFailedException.For("request", $"a JSON value {NulCharacterMiddleware.Message}");
                return Problem(StatusCodes.Status400BadRequest, unstorable, unstorable.Errors);
            case BadHttpRequestException badRequest:
                return new ProblemDetails { Status = badRequest.StatusCode };
            case var _ when databaseHealth.IsUnavailable(exception):
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Detail = "The database is unavailable; retry in a few seconds.",
                    Extensions = { ["code"] = ProblemDefaults.DatabaseUnavailableCode },
                };
            default:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Detail = "An unexpected error occurred; quote the trace_id when you report it.",
                };
        }
    }

    private static ProblemDetails Problem(int status, AppException exception, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Detail = exception.Message, Extensions = { ["code"] = exception.Code } };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {ExceptionType}: {Reason}")]
    private partial void LogDatabaseUnavailable(string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private partial void LogUnexpected(Exception exception);
}
