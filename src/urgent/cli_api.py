"""`urgent token`: API tokens for campaigners (the key is printed once, only its hash kept)."""

from __future__ import annotations

from typing import Annotated

import typer

from urgent.cli import app, fail
from urgent.cli_store import _django

token_app = typer.Typer(help="API tokens for campaigners: create, list, revoke.", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def create(
    username: Annotated[str, typer.Argument(help="A campaigner's (or admin's) user name.")],
    name: Annotated[str, typer.Argument(help='What the token is for: "intake script".')],
) -> None:
    """Create a token and print its key: store it now, it cannot be shown again."""
    _django()
    from django.contrib.auth import get_user_model

    from urgent.web.accounts.models import ApiToken, is_campaigner

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        fail(f"no user {username!r}")
    if not is_campaigner(user) or not user.is_active:
        fail(f"{username!r} is not an active campaigner: the API would refuse the token")
    if not name.strip() or len(name) > 100:
        fail("the token's name must be 1 to 100 characters")
    _, key = ApiToken.issue(user, name.strip())
    typer.echo(key)


@token_app.command("list")
def list_tokens() -> None:
    """Every token: id, user, name, created, last used (never the key)."""
    _django()
    from urgent.web.accounts.models import ApiToken

    for t in ApiToken.objects.select_related("user").order_by("id"):
        used = f"{t.last_used:%Y-%m-%d %H:%M}" if t.last_used else "never used"
        typer.echo(f"{t.pk}\t{t.user.get_username()}\t{t.name}\t{t.created_at:%Y-%m-%d}\t{used}")


@token_app.command("revoke")
def revoke(token_id: Annotated[int, typer.Argument(help="The id shown by `urgent token list`.")]) -> None:
    """Delete a token: requests with its key are refused from now on."""
    _django()
    from urgent.web.accounts.models import ApiToken

    deleted, _ = ApiToken.objects.filter(pk=token_id).delete()
    if not deleted:
        fail(f"no token {token_id}")
    typer.echo(f"token {token_id} revoked")
