"""Who a client is: gender, target groups, disability, education."""

from __future__ import annotations

from desktop.domain.labels import Labelled
from desktop.i18n import N_


class Gender(Labelled):
    FEMALE = "female", N_("Female")
    MALE = "male", N_("Male")


class TargetGroup(Labelled):
    """The target groups of DOMAIN.md; a client may belong to several."""

    FEMALE_HEAD = "female_head", N_("Female head of household")
    SELF_SUPPORTING_GIRL = "self_supporting_girl", N_("Self-supporting girl")
    INDEPENDENT_CHILD = "independent_child", N_("Independent child graduated from care")
    RECOVERED_ADDICT = "recovered_addict", N_("Recovered from addiction")
    DISABILITY = "disability", N_("Person with disability")
    FAMILY_MEMBER = "family_member", N_("Effective family member")
    STUDENT = "student", N_("University student under coverage")


class DisabilityType(Labelled):
    PHYSICAL = "physical", N_("Physical and motor")
    VISUAL = "visual", N_("Visual")
    HEARING = "hearing", N_("Hearing")
    SPEECH = "speech", N_("Speech and voice")
    INTELLECTUAL = "intellectual", N_("Intellectual")
    PSYCHIATRIC = "psychiatric", N_("Chronic psychiatric")
    AUTISM = "autism", N_("Autism")
    MULTIPLE = "multiple", N_("Multiple disabilities")


class DisabilitySeverity(Labelled):
    MILD = "mild", N_("Mild")
    MODERATE = "moderate", N_("Moderate")
    SEVERE = "severe", N_("Severe")
    VERY_SEVERE = "very_severe", N_("Very severe")


class Education(Labelled):
    NONE = "none", N_("Illiterate")
    PRIMARY = "primary", N_("Primary school")
    LOWER_SECONDARY = "lower_secondary", N_("Lower secondary")
    DIPLOMA = "diploma", N_("High-school diploma")
    ASSOCIATE = "associate", N_("Associate degree")
    BACHELOR = "bachelor", N_("Bachelor's degree")
    MASTER = "master", N_("Master's degree")
    DOCTORATE = "doctorate", N_("Doctorate")
