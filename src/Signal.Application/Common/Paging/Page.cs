namespace Signal.Application.Common.Paging;

/// <summary>One page of a list and the number of items across all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
