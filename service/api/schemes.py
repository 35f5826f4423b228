"""Monitoring schemes and lexicon terms for analysts: list, edit, enable, disable, history.

Every edit is versioned with its author; a syntax error in an expression is answered with 422
and the position of the error. Edits reach the analysis step of every instance at its next run.
"""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from service.analysts import schemes as store
from service.api.deps import AnalystUser, ClockDep, SessionDep
from service.models import LexiconEdit, SchemeVersion

router = APIRouter(prefix="/api/v1", tags=["schemes and lexicons"])
Name = Annotated[str, Path(min_length=1, max_length=64)]


class SchemeIn(BaseModel):
    definition: dict = Field(description="topic, 主体/地域/事件/排除 lists and/or expression")
    enabled: bool = True
    comment: str = Field("", max_length=2000)


class SchemeOut(BaseModel):
    name: str
    definition: dict
    enabled: bool
    version: int
    author: str | None
    at: datetime | None
    comment: str = ""


class ExpressionIn(BaseModel):
    expression: str = Field(min_length=1, max_length=2000)


class TermIn(BaseModel):
    term: str = Field(min_length=1, max_length=50)
    weight: float = Field(1.0, gt=0, le=10)
    comment: str = Field("", max_length=2000)


class EditOut(BaseModel):
    id: int
    lexicon: str
    term: str
    action: str
    weight: float
    author: str
    at: datetime
    comment: str


def _problem(exc: store.SchemeError) -> HTTPException:
    detail = {"message": exc.message, "field": exc.field}
    if exc.position is not None:
        detail["position"] = exc.position
    return HTTPException(422, detail)


@router.get("/schemes", response_model=list[SchemeOut])
def list_schemes(session: SessionDep, user: AnalystUser) -> list[SchemeOut]:
    """The schemes in force (version 0 = as shipped)."""
    return [SchemeOut(**vars(s)) for s in store.current_schemes(session).values()]


@router.post("/schemes/validate")
def validate_expression(body: ExpressionIn, user: AnalystUser) -> dict:
    """Check an expression as the editor types: 422 with the position of the first error."""
    try:
        store.validate("check", {"expression": body.expression})
    except store.SchemeError as exc:
        raise _problem(exc) from None
    return {"ok": True}


@router.put("/schemes/{name}", response_model=SchemeOut)
def save_scheme(name: Name, body: SchemeIn, session: SessionDep, user: AnalystUser,
                clock: ClockDep) -> SchemeOut:
    """Create or change a scheme (or enable/disable it): a new version."""
    try:
        row = store.save_scheme(session, name=name, definition=body.definition,
                                enabled=body.enabled, author=user.name, now=clock.now(),
                                comment=body.comment)
    except store.SchemeError as exc:
        raise _problem(exc) from None
    session.commit()
    return SchemeOut(name=row.name, definition=row.definition, enabled=row.enabled,
                     version=row.version, author=row.author, at=row.at, comment=row.comment)


@router.delete("/schemes/{name}", response_model=SchemeOut)
def delete_scheme(name: Name, session: SessionDep, user: AnalystUser,
                  clock: ClockDep) -> SchemeOut:
    """Retire a scheme (a version marked deleted; its history stays)."""
    try:
        row = store.save_scheme(session, name=name, definition=None, enabled=False,
                                author=user.name, now=clock.now(), deleted=True)
    except store.SchemeError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.message) from None
    session.commit()
    return SchemeOut(name=row.name, definition=row.definition, enabled=False,
                     version=row.version, author=row.author, at=row.at, comment="已删除")


@router.get("/schemes/{name}/versions", response_model=list[SchemeOut])
def scheme_versions(name: Name, session: SessionDep, user: AnalystUser) -> list[SchemeOut]:
    """Every saved version of a scheme, newest first."""
    rows = session.execute(select(SchemeVersion).where(SchemeVersion.name == name)
                           .order_by(SchemeVersion.version.desc())).scalars().all()
    if not rows and name not in store.shipped_schemes():
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"方案 {name} 不存在")
    return [SchemeOut(name=r.name, definition=r.definition, enabled=r.enabled and not r.deleted,
                      version=r.version, author=r.author, at=r.at,
                      comment=r.comment or ("已删除" if r.deleted else "")) for r in rows]


@router.get("/lexicons")
def list_lexicons(session: SessionDep, user: AnalystUser) -> dict:
    """The lexicons and their sizes."""
    return {name: len(terms) for name, terms in store.current_lexicons(session).items()}


@router.get("/lexicons/{name}")
def get_lexicon(name: Name, session: SessionDep, user: AnalystUser) -> dict:
    """The terms of one lexicon, with weights."""
    lists = store.current_lexicons(session)
    if name not in lists:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"没有词表 {name}")
    return {"name": name, "terms": lists[name]}


@router.post("/lexicons/{name}/terms", response_model=EditOut, status_code=201)
def add_term(name: Name, body: TermIn, session: SessionDep, user: AnalystUser,
             clock: ClockDep) -> EditOut:
    """Add a term (or change its weight)."""
    return _edit(session, name, body.term, "add", body.weight, user, clock, body.comment)


@router.delete("/lexicons/{name}/terms/{term}", response_model=EditOut)
def remove_term(name: Name, term: Annotated[str, Path(min_length=1, max_length=50)],
                session: SessionDep, user: AnalystUser, clock: ClockDep) -> EditOut:
    """Remove a term."""
    return _edit(session, name, term, "remove", 1.0, user, clock, "")


@router.get("/lexicons/{name}/history", response_model=list[EditOut])
def lexicon_history(name: Name, session: SessionDep, user: AnalystUser) -> list[EditOut]:
    """Every edit of one lexicon, newest first."""
    rows = session.execute(select(LexiconEdit).where(LexiconEdit.lexicon == name)
                           .order_by(LexiconEdit.id.desc()).limit(1000)).scalars()
    return [EditOut.model_validate(r, from_attributes=True) for r in rows]


def _edit(session, name, term, action, weight, user, clock, comment) -> EditOut:
    try:
        row = store.edit_term(session, lexicon=name, term=term, action=action, weight=weight,
                              author=user.name, now=clock.now(), comment=comment)
    except store.SchemeError as exc:
        code = status.HTTP_404_NOT_FOUND if exc.field == "lexicon" else 422
        raise HTTPException(code, exc.message) from None
    session.commit()
    return EditOut.model_validate(row, from_attributes=True)
