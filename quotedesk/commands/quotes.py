"""Placeholder until its owner lands it."""


def register(subparsers) -> None:  # noqa: ARG001
    return None
