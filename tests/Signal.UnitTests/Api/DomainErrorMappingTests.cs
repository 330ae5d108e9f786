using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Signal.Api.Errors;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Common;

namespace Signal.UnitTests.Api;

/// <summary>Domain errors reach the client as the problem a user expects, never as a 500.</summary>
public sealed class DomainErrorMappingTests
{
    [Fact]
    public async Task ADeletedAggregate_IsA404NotFound()
    {
        var (status, problem) = await MapAsync(new DeletedAggregateException("Pipeline", "pip_1"));

        status.Should().Be(StatusCodes.Status404NotFound);
        problem.Extensions["code"].Should().Be("not_found");
        problem.Detail.Should().Be("Pipeline 'pip_1' was not found.");
    }

    [Fact]
    public async Task ABrokenDomainRule_IsA400_WithEveryViolationUnderItsJsonPath()
    {
        var errors = new Dictionary<string, string[]> { ["slug"] = ["bad slug"], ["labels[0]"] = ["bad label"] };

        var (status, problem) = await MapAsync(new DomainRuleException(errors));

        status.Should().Be(StatusCodes.Status400BadRequest);
        problem.Extensions["code"].Should().Be("validation_failed");
        problem.Extensions["errors"].Should().BeEquivalentTo(errors);
    }

    private static async Task<(int Status, ProblemDetails Problem)> MapAsync(Exception exception)
    {
        var writer = new CapturingProblemWriter();
        var handler = new ProblemDetailsExceptionHandler(writer, new HealthyDatabase(), NullLogger<ProblemDetailsExceptionHandler>.Instance);
        var context = new DefaultHttpContext();

        (await handler.TryHandleAsync(context, exception, CancellationToken.None)).Should().BeTrue();
        return (context.Response.StatusCode, writer.Written!);
    }

    private sealed class CapturingProblemWriter : IProblemDetailsService
    {
        public ProblemDetails? Written { get; private set; }

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            Written = context.ProblemDetails;
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
        {
            Written = context.ProblemDetails;
            return ValueTask.FromResult(true);
        }
    }

    private sealed class HealthyDatabase : IDatabaseHealth
    {
        public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public bool IsUnavailable(Exception exception) => false;

        public bool IsConnectionLost(Exception exception) => false;

        public bool IsUnstorableText(Exception exception) => false;

        public void DropIdleConnections()
        {
        }
    }
}
