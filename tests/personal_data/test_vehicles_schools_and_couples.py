"""Vehicles, school years, couples declaring together, values spelled letter by letter and payslips
(blind batches 105 to 116, 2026-12-06): registration plates, children's modern first names,
birthdays with their year, a surname in capitals before the first name, a second person's number
after the first, spelling as on the phone, employees' numbers. Values are synthetic."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    # a registration plate: with its dashes anywhere; spaced, run together or in the former format
    # only in capitals in a message about a vehicle
    'la voiture en face était immatriculée <ent type="ID_DOCUMENT">HP-813-XV</ent>, on fait comment ?',
    'le taxi c\'était <ent type="ID_DOCUMENT">kq-187-ag</ent>',
    'ma plaque c\'est <ent type="ID_DOCUMENT">EL 730 MR</ent>',
    'la dame qui m\'a embouti a une 208 grise plaque <ent type="ID_DOCUMENT">SK387XG</ent>',
    'une vieille Twingo avec l\'ancienne plaque <ent type="ID_DOCUMENT">2356 KB 34</ent>, c\'est pris en charge ?',
    'le taxi vient à 14 H 30 et on fait 62 km, la voiture est une Clio 4',
    'je prends le bus de 200 et la ligne N118 pour aller à la CPAM',
    # children and young adults named with the first names of the last twenty years
    'j\'ai payé la cantine de <ent type="NAME">Lyna</ent> avec ma carte',
    'les deux grands sont à l\'école <ent type="NAME">Ilyan</ent> et <ent type="NAME">Sirine</ent>',
    'ma demande de bourse de collège pour <ent type="NAME">Mattéo</ent> est refusée',
    # ... but not a label, a town, an acronym or an English month
    'Le site me dit "IBAN invalide" alors que je tape bien FR76',
    'j\'ai travaillé à Nancy pendant 22 ans',
    'la référence de l\'assurance de l\'école : <ent type="FILE_NUMBER">MAE/2025/126348</ent>',
    'I have an appointment on 14 June at 10:15.',
    # a birthday with its year tells the birth date
    'ma fille a 18 ans depuis le <ent type="BIRTHDATE">15/01/2008</ent> mais elle est encore au lycée',
    'il a eu 6 ans le <ent type="BIRTHDATE">23/04/2020</ent>. Mon numéro allocataire : <ent type="ALLOCATAIRE">5272723</ent>',
    'il aura 3 ans le 12 mars, la crèche s\'arrête',
    'Nos dates de naissance : moi <ent type="BIRTHDATE">19/6/67</ent>, mon mari <ent type="BIRTHDATE">17/7/90</ent>, et les jumeaux '
    '<ent type="BIRTHDATE">11/09/2009</ent>.',
    # a surname in capitals, with its particle, before the first name
    '<ent type="NAME">MARTINEZ Carlos</ent> et <ent type="NAME">MARTINEZ-LOPEZ Elena</ent> demandent le transfert',
    '<ent type="NAME">DA COSTA Manuel</ent> né le <ent type="BIRTHDATE">09/07/1959</ent>',
    'URGENT Merci de me rappeler, la CAF Marseille ne répond pas',
    # a second person's number after the first; "sous le", a bracket
    'mon ex avait le numéro allocataire <ent type="ALLOCATAIRE">4854475</ent>, moi j\'ai le '
    '<ent type="ALLOCATAIRE">3174807</ent>. On est séparés',
    'mon n° allocataire <ent type="ALLOCATAIRE">7973636</ent>, celui de mon conjoint '
    '<ent type="ALLOCATAIRE">7533457</ent>, on voudrait nous séparer',
    'l\'ARS elle y a droit ? je suis allocataire sous le <ent type="ALLOCATAIRE">5816656</ent>',
    'Notre avis d\'impôt commun a la référence <ent type="FISCAL">24 69 B 582 043 17</ent>, merci',
    # the address of a Crous, an institute: theirs, not a person's; a former minister is public
    'Crous de Lille, 74 rue de Cambrai, c\'est bien là qu\'il faut déposer les papiers ?',
    'Je dois aller à l\'Institut Curie, 26 rue d\'Ulm à Paris, le taxi est pris en charge ?',
    'Clément Beaune avait annoncé le remboursement des transports',
    # spelled letter by letter, in the NATO alphabet, with doubled or accented letters
    'je m\'appelle <ent type="NAME">Brossard</ent>, ça s\'écrit <ent type="NAME">B, R, O, deux S, A, R, D</ent>, '
    'vous ne me trouvez pas',
    '<ent type="NAME">Hervé Quéméner</ent>, <ent type="NAME">Q, U, E accent aigu, M, E accent aigu, N, E, R</ent>',
    'Je vous épelle : <ent type="NAME">Delta Uniform Romeo Alpha November Delta</ent>',
    'mon mot de passe c\'est <ent type="SECRET">S majuscule, O, L, E, I, L, deux, trois</ent>, je l\'ai changé',
    'Le mail c\'est <ent type="EMAIL">sophie tiret du six leclerc arobase orange point fr</ent>',
    # a spelled name the other readers missed is masked with its spelling
    '<ent type="NAME">Benoît</ent>, <ent type="NAME">Girardot</ent>, <ent type="NAME">G, I, R, A, R, D, O, T</ent>',
    # ... but not an acronym, options, a street's or a minister's name, "y a-t-il", "D comme Denis"
    'pour la CAF, C comme Caroline, A, F',
    'les options A, B, C ou D',
    'La caf de la rue Paul Bert, ça s\'écrit B, E, R, T, elle ouvre à quelle heure ?',
    'La ministre Catherine Vautrin, V, A, U, T, R, I, N, a parlé d\'une réforme',
    'Y-a-t-il des restrictions pour être auto-entrepreneur ?',
    # an employee's number on a payslip, however short
    'Nom Prénom : <ent type="NAME">MOREAU Léa</ent> ; Matricule : <ent type="FILE_NUMBER">0412</ent>',
    'matricule intérim <ent type="FILE_NUMBER">INT-55120-B</ent>, c\'est bon ?',
    'mon matricule date de 2019 et mon contrat aussi',
    # numbers typed in pieces, with a label before or after; not amounts, dates or an apartment
    'mon numéro caf c\'est <ent type="ALLOCATAIRE">2, 5, 3, 3, 4, 8, 3</ent>',
    'mon numéro : <ent type="PHONE">06 puis 84 puis 30 puis 47 puis 87</ent>',
    '<ent type="NIR">2;50;11;97;555;852;09</ent> désolé pour le format c\'est mon numéro de sécu',
    'carte bancaire : <ent type="CARD">5505 / 1153 / 0497 / 1109</ent>, merci',
    'mon numéro de sécu je vous le lis : <ent type="NIR">un puis quatre-vingt-quatre puis zéro sept puis '
    'soixante-quatre puis six cent quatre-vingt-quatorze puis neuf cent quatre-vingt-quatre puis cinquante-neuf</ent>',
    'mon numéro allocataire ne change pas, j\'ai payé 12, 15, 18 euros les trois derniers mois',
    'VIR MSA 05/03/2025 PRIME ACTIVITE 0225 187,33 et le mois d\'avant 214,00, pourquoi ?',
    'mon numéro allocataire est bon mais j\'habite au <ent type="ADDRESS">5 rue Pasteur, appt 12, 69007 Lyon</ent>',
    # a part of a number given alone is as personal as the number; not a card's last four digits,
    # nor a fund's phone number, nor a count of sessions
    'ma sécu ça commence par <ent type="NIR">2 92 04 99</ent> et ça finit par <ent type="NIR">882 03</ent>',
    'mon tel finit par <ent type="PHONE">39 28 49</ent>, le début je le connais plus',
    'la clé RIB c\'est <ent type="IBAN">86</ent>, je me suis trompé',
    'J\'ai payé avec la carte du compte joint qui finit par 4821, le 15/01',
    'Le numéro de la MSA Midi-Pyrénées Nord c\'est bien celui qui commence par 05 65 ?',
    'mon kiné me dit qu\'il faut un accord de la sécu après 10 séances',
    # a machine-readable zone pasted from a scan; a line of fillers or a country code alone is none
    'mon titre de séjour :\n<ent type="ID_DOCUMENT">IRFRAOI47255780<<<<<<<<<<<<<<<</ent>\n'
    '<ent type="ID_DOCUMENT">7501263M3405271CMR<<<<<<<<<<<3</ent>\n<ent type="ID_DOCUMENT">GODARD<<SAMIR<<<<<<<<<<<<<<<<<</ent>',
    'l\'appli a lu P<FRA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<< et rien d\'autre',
    # a hospital stay's number
    'Mme <ent type="NAME">Laura Picard</ent>, n° d\'entrée <ent type="FILE_NUMBER">240100978</ent>, CH d\'Arras',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line)
