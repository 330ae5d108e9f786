using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Common.Behaviours;

/// <summary>Wraps every command in one transaction, committed only when the handler succeeds. Queries run without.</summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return response;
    }
}
