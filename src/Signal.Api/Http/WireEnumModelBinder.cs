using Microsoft.AspNetCore.Mvc.ModelBinding;
using Signal.Domain.Common;

namespace Signal.Api.Http;

/// <summary>
/// Binds enums from the query string by their wire names (<c>cloud_storage</c>), as JSON does, so query parameters
/// can be typed enums in the OpenAPI document; an unknown value is a 400 that lists the allowed ones.
/// </summary>
public sealed class WireEnumModelBinder(Type enumType) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue;
        if (string.IsNullOrEmpty(value))
        {
            return Task.CompletedTask;
        }

        var match = Enum.GetValues(enumType).Cast<Enum>().FirstOrDefault(e => WireNames.Of(e) == value);
        if (match is null)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"must be one of: {string.Join(", ", AllowedValues(enumType))}");
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(match);
        }

        return Task.CompletedTask;
    }

    public static IEnumerable<string> AllowedValues(Type enumType) => Enum.GetValues(enumType).Cast<Enum>().Select(WireNames.Of);
}

public sealed class WireEnumModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum && context.BindingInfo.BindingSource == BindingSource.Query ? new WireEnumModelBinder(type) : null;
    }
}
