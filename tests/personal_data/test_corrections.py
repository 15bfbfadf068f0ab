"""A value corrected right after it was typed is masked as the same kind."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    'mon num caf c\'est le <ent type="ALLOCATAIRE">1234567</ent> (ou <ent type="ALLOCATAIRE">5841480</ent>?)',
    'mon code confidentiel ameli c\'est <ent type="SECRET">4821</ent> je crois, ou <ent type="SECRET">1837</ent>',
    'nouveau mot de passe: <ent type="SECRET">Tigre362</ent> ancien: <ent type="SECRET">Lapin2024</ent>',
    # another value of the same kind, given as an alternative or for the next person
    'mdp: <ent type="SECRET">Chaton12</ent> (ou <ent type="SECRET">loulou1130</ent> je sais plus)',
    'moi mon id c\'est <ent type="LOGIN">marie.k75</ent> et lui <ent type="LOGIN">jeanclaude.k</ent>, on a chacun un compte',
    'mon mdp c\'est <ent type="SECRET">Soleil2024</ent> ou je sais plus',
    'date de naissance <ent type="BIRTHDATE">26/09/1958</ent> non pardon <ent type="BIRTHDATE">26/09/1985</ent> oups',
    'mdp <ent type="SECRET">Chaton12!</ent> non pardon <ent type="SECRET">chaton12</ent> sans majuscule',
    'n° alloc: <ent type="ALLOCATAIRE">1234567</ent> non pardon <ent type="ALLOCATAIRE">9684094</ent> ca c celui de ma soeur',
    # "pardon" that corrects nothing
    'mon tel <ent type="PHONE">0612345678</ent> pardon je me suis trompé de service',
    'je suis <ent type="NAME">Marie</ent>, pardon pour le retard',
    # the same value typed again, without its cue
    'identifiant <ent type="LOGIN">gmorvillier</ent> ... je répète <ent type="LOGIN">gmorvillier</ent>, vous le trouvez ?',
    'mon fils <ent type="NAME">Enzo</ent> ... <ent type="NAME">Enzo</ent> a 3 ans',
    # the same kind of number for another person, a number typed in groups as the old one
    'mon num alloc c <ent type="ALLOCATAIRE">1234567</ent> et celui de mon ex <ent type="ALLOCATAIRE">1105986</ent>',
    'n° permis <ent type="ID_DOCUMENT">810992497525</ent> et l\'ancien <ent type="ID_DOCUMENT">8109 9249 7525</ent> si besoin',
    "mon num alloc c <ent type=\"ALLOCATAIRE\">1234567</ent> et celui de mon ex ? je sais pas",
    'j\'ai essayé <ent type="SECRET">Lune2024!</ent> et <ent type="SECRET">Soleil278</ent> aucun ne marche',
    'mdp <ent type="SECRET">Soleil12</ent> et 3 essais',
    # the value given, then the one mistyped before; "le mien" after another person's
    'pardon l\'allocataire c\'est <ent type="ALLOCATAIRE">5113810</ent> pas <ent type="ALLOCATAIRE">4015333</ent>, j\'ai regardé',
    'mon numéro allocataire <ent type="ALLOCATAIRE">5113810</ent> pas 2 enfants',
    'le passeport de mon mari <ent type="NAME">Karim</ent> : <ent type="ID_DOCUMENT">UO8211432</ent>, le mien : <ent type="ID_DOCUMENT">EP9915099</ent>, on est arrivés',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line)
