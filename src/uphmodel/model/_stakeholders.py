"""Stakeholders, contact points and responsibilities."""

from __future__ import annotations

import enum

import attrs

from uphmodel._frozen import EMPTY, Extra, FrozenMap
from uphmodel._typed import typed
from uphmodel.model._fields import (
    ID,
    extra_field,
    ids_field,
    personal_field,
    text_map,
    valid_id,
    valid_map,
    valid_optional_id,
)
from uphmodel.model._provenance import (
    Provenance,
)

__all__ = ["BodyLevel", "ContactPoint", "Responsibility", "Role", "Stakeholder", "StakeholderKind"]


class StakeholderKind(enum.Enum):
    """What kind of party a stakeholder is."""

    REGION = "region"
    MUNICIPALITY = "municipality"
    MUNICIPAL_ASSOCIATION = "municipal_association"  #: kommunförbund, samordningsförbund
    GOVERNMENT = "government"  #: regeringen, staten
    STATE_AGENCY = "state_agency"  #: Socialstyrelsen, Folkhälsomyndigheten, Länsstyrelsen …
    NATIONAL_ASSOCIATION = "national_association"  #: SKR/SKL
    USER_ORGANISATION = "user_organisation"  #: brukarorganisation and their umbrellas
    COLLABORATION_BODY = "collaboration_body"  #: samverkansarena, beredningsorgan
    ASSEMBLY = "assembly"  #: fullmäktige (regionfullmäktige, kommunfullmäktige)
    BOARD = "board"  #: a political board: nämnd, styrelse (regionstyrelsen, socialnämnden)
    COMMITTEE = "committee"  #: a political committee: utskott, beredning
    UNIVERSITY = "university"
    COMPANY = "company"
    PROJECT = "project"
    WORKING_GROUP = "working_group"  #: arbetsgrupp, nätverk
    UNIT = "unit"  #: a part of an organisation (BUP, Primärvården …)
    GROUP = "group"  #: a named set of stakeholders ("länets kommuner")
    OTHER = "other"


class BodyLevel(enum.Enum):
    """Whom a collaboration body gathers."""

    POLITICAL = "political"
    OFFICIALS = "officials"  #: tjänstepersonsnivå
    MIXED = "mixed"  #: politicians and officials


class Role(enum.Enum):
    """The part a stakeholder plays for an item."""

    RESPONSIBLE = "responsible"
    PARTICIPATING = "participating"
    COORDINATING = "coordinating"
    FUNDING = "funding"
    APPROVING = "approving"


@attrs.frozen(kw_only=True, field_transformer=typed)
class Responsibility:
    """A stakeholder's part in a goal or an activity.

    Attributes:
        stakeholder: id of the :class:`Stakeholder`.
        role: what part it plays.
        note: anything the document adds ("Regionintern", "samordning genom länssamordnare").
    """

    stakeholder: str = attrs.field(validator=valid_id, metadata=ID)
    role: Role = Role.RESPONSIBLE
    note: str | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Stakeholder:
    """An organisation, body, group or project that has a part in the plan.

    Attributes:
        id: unique within the plan.
        name: full name as written.
        kind: what kind of party it is.
        short_name: abbreviation (``SVOM``, ``JLB``).
        level: for collaboration bodies, whether politicians or officials meet in it.
        identifiers: official identifiers by scheme: ``scb_county`` (two digits),
            ``scb_municipality`` (four digits), ``orgnr`` (organisation number), ``kolada``.
        member_of: ids of stakeholders it is a member of (a municipality of "länets kommuner",
            an association of its umbrella).
        part_of: id of the organisation it is a unit of.
        size: how many members or people it has, where the plan says ("14 kommuner", a
            reference group of 12 young people).
        description: how the plan defines it.
        provenance: where it is named or defined.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    name: str
    kind: StakeholderKind
    short_name: str | None = None
    level: BodyLevel | None = None
    identifiers: FrozenMap[str, str] = attrs.field(
        default=EMPTY, converter=text_map, validator=valid_map
    )
    member_of: tuple[str, ...] = ids_field()
    part_of: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    size: int | None = None
    description: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class ContactPoint:
    """A person's place in the plan's work, described by role and organisation.

    ``name``, ``email`` and ``phone`` are personal data (marked so in the field metadata); example
    data leaves them empty, and a plan can be exported without them.

    Attributes:
        id: unique within the plan.
        role: the function ("Regional samordnare psykisk hälsa", "representant").
        organisation: id of the stakeholder the person represents.
        bodies: ids of the working groups or bodies the person takes part in for it.
        name: the person's name (personal data).
        email: e-mail address (personal data).
        phone: telephone number (personal data).
        note: anything else.
        provenance: where the contact is listed.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    role: str
    organisation: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    bodies: tuple[str, ...] = ids_field()
    name: str | None = personal_field()
    email: str | None = personal_field()
    phone: str | None = personal_field()
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()
