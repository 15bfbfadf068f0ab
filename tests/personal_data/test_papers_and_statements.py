"""Values of staff and special regimes, foreigners' papers, third-party accidents, file names,
bank statement lines, odd separators, names that are words, agents' replies and addresses (blind
batches 83 to 94, 2026-12-06). Values are synthetic."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    # staff and special regimes' numbers after their label
    'professeure des écoles, mon NUMEN est <ent type="FILE_NUMBER">08E0214357KLT</ent> et mon NIR suit',
    'numéro de marin <ent type="FILE_NUMBER">ENIM 19870453</ent>, et j\'ai navigué 20 ans',
    'matricule agent <ent type="FILE_NUMBER">0045821</ent>. Je voudrais savoir',
    'mon numéro RATP c\'est le <ent type="FILE_NUMBER">523 907</ent>, je suis conducteur',
    # an insurer's claim and contract, a police report after a colon
    'son assurance, sinistre <ent type="FILE_NUMBER">MM25 014 776</ent>',
    'mon assureur, contrat <ent type="FILE_NUMBER">HB-558-741-22</ent>',
    'le PV de la gendarmerie de Lannion : <ent type="FILE_NUMBER">01247/00312/2025</ent>, la victime',
    'ma plainte : je n\'ai rien reçu depuis 2024',
    # foreigners' papers after their name; a birth date whose day is unknown
    'protection temporaire, APS n° <ent type="ID_DOCUMENT">BE6054458</ent>. Merci',
    'entré avec un visa Schengen <ent type="ID_DOCUMENT">562282563</ent>. Je travaille',
    'titre de voyage pour réfugié n° <ent type="ID_DOCUMENT">WV8146642</ent>, c\'est accepté ?',
    'M. <ent type="NAME">KONÉ Seydou</ent>, né le <ent type="BIRTHDATE">00/00/1994</ent>, attend toujours',
    'sur ma carte de séjour ma date de naissance c\'est <ent type="BIRTHDATE">XX/XX/1976</ent>',
    # where a person is domiciled is their address, even at an association; an agency's is not
    'Ma domiciliation est à l\'association, <ent type="ADDRESS">14 rue Jean-Pierre Timbaud 75011 Paris</ent>, '
    'c\'est là',
    'la caf de Lille, 18 rue des Peupliers 59000 Lille, ouvre à 9 h',
    # a patient's prescription is not a minister's ordinance
    'L\'ordonnance de Mme <ent type="NAME">Claudine Rolland</ent> a disparu',
    'les ordonnances Macron de 2017',
    # names joined by "_" in a file name or by "+" in a web address
    'j\'essaie d\'envoyer scan_CNI_<ent type="NAME">LEROUX_Sandrine</ent>.pdf depuis mon téléphone',
    'https://partage.example.fr/attestation?salarie=<ent type="NAME">Pascal+Henry</ent>&type=2',
    'le fichier attestation_paiement_caf.pdf ne passe pas',
    # a fund's payment in a bank statement: the number it prints is the person's, not an amount
    # nor the bank's batch reference
    'VIR SEPA RECU /DE CAF HAUTE SAVOIE /MOTIF <ent type="ALLOCATAIRE">6017518</ent> APL 0325 /REF 25031234',
    '07/03 VIR INST CAF GIRONDE ALF <ent type="ALLOCATAIRE">9972344</ent> 156,00',
    'PRLV SEPA URSSAF REJET MDT <ent type="FILE_NUMBER">752660226883922161</ent> 540,00',
    'VIR CAF 38 PF 311,40 REF LOT 250301234',
    # a SEPA mandate's reference
    'PRLV SEPA URSSAF CESU RUM <ent type="FILE_NUMBER">++G2WDKE18KR35</ent> -312,80',
    "c'est quoi le RUM sur mon relevé ?",
    # seven digits right after one's own name are the allocataire number; an amount is not
    'bjr cest <ent type="NAME">Lucas Perrin</ent>, <ent type="ALLOCATAIRE">2944965</ent>, le montant de mon apl',
    '<ent type="NAME">Jean Dupont</ent> 1234567 €',
    # a NIR's key in brackets (found apart, with its brackets); a birth date typed with commas
    'n° sécu <ent type="NIR">1 25 03 24 474 120</ent><ent type="NIR"> (81)</ent> merci',
    'née le <ent type="BIRTHDATE">16,12,1988</ent>, numéro allocataire <ent type="ALLOCATAIRE">1234567</ent>',
    # after "je m'appelle", first names and surnames that are also words
    'bonjour je m\'appelle maintenant <ent type="NAME">marin roy</ent>',
    "je m'appelle pas comme ça",
    # a greeted or a signing first name; a greeting without one
    'Bonjour <ent type="NAME">Patrice</ent>, suite à votre appel',
    'le remboursement est en cours.\n<ent type="NAME">Julien</ent> - CPAM',
    'Bonjour Madame, merci',
    'Service client - CPAM',
    # "all." for allée; a person's post-office box with its CEDEX, a fund's without the person's words
    'la bonne c\'est <ent type="ADDRESS">9 all. des Mimosas, 83500 La Seyne-sur-Mer</ent>',
    'ma boîte postale : <ent type="ADDRESS">BP 51, 97133 Saint-Barthélemy Cedex</ent> merci',
    'écrivez à la CPAM, 2 rue des Artisans, CS 70231, 68000 Colmar Cedex',
    # a town after a comma, without a postcode, ends the address; a closing word does not
    'mon adresse : <ent type="ADDRESS">10 rue Jules Ferry, Montreuil</ent>, je connais pas le code postal',
    'j\'habite <ent type="ADDRESS">12 rue des Lilas</ent>, Cordialement',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line)
