"""Allocataire, MSA, tax and file numbers: only after a cue naming them."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    # a prisoner's registration number, an adoption judgment
    'numéro d\'écrou <ent type="FILE_NUMBER">412587</ent>, je sors le 14 juin',
    'mon écrou c\'était <ent type="FILE_NUMBER">2019/04587</ent> à Fresnes',
    "il a été écroué le 14 juin 2025",
    'jugement d\'adoption n° <ent type="FILE_NUMBER">24/00592</ent> du TJ de Lille',
    'n° d\'agrément <ent type="FILE_NUMBER">21-0345-AM</ent>',
    "l'agrément de 2019 est valable 5 ans",
    'mon identifiant <ent type="FILE_NUMBER">0407365H</ent>, j\'ai été licencié',
    # a guardianship judgment's number, an MDPH file, a seaman's ENIM number
    'curateur de mon frère (jugement <ent type="FILE_NUMBER">RG 23/04270</ent>), son dossier',
    'Son dossier MDPH porte le numéro <ent type="FILE_NUMBER">061971664</ent>. Il faudrait',
    'N° MDPH : <ent type="FILE_NUMBER">058113683</ent>',
    'mon numéro ENIM c\'est <ent type="FILE_NUMBER">5777884</ent>, je dois passer',
    "la loi du 5 mars 2007, article L 12/2007",
    # a student's and a tenant's numbers
    'chui Lucas Perrin, ine <ent type="FILE_NUMBER">2H8G4B6C1J6</ent>, je voudrais savoir',
    'bonjour, mon numéro étudiant est <ent type="FILE_NUMBER">27011750</ent> et mon mail de la fac',
    'mon contrat d\'apprentissage n° <ent type="FILE_NUMBER">09220250794545</ent> a été rompu',
    'Mme Patricia Lambert, locataire n° <ent type="FILE_NUMBER">112 458 903</ent> chez Logirep',
    "je suis en L2 S3 à Nanterre, la routine quoi",
    # a capitalised code then groups of digits, taken with them; a medicine's CIP code and a professional card stay
    'le numéro de passage est <ent type="FILE_NUMBER">URG 24 118 6630</ent> aux urgences',
    'L\'avis d\'arrêt porte le numéro <ent type="FILE_NUMBER">AAT 7781 2249 03</ent>. Seuls 10 jours payés',
    'je conteste la mise en demeure référence <ent type="FILE_NUMBER">MED 2024 117 004583</ent>, j\'ai bien payé',
    'Mon arrêt de travail n° <ent type="FILE_NUMBER">0124 7731 5590</ent> a été prolongé',
    "le Doliprane CIP 3400936542117 n'est plus remboursé ? carte professionnelle CPI 7501 2018 000 034 567",
    # a pension fund's number after its name; a farm's identifiers
    'Mon mari était gendarme, pension militaire n° <ent type="FILE_NUMBER">M 07 441 583 B</ent>. Pour la réversion ?',
    'infirmière libérale, affiliée à la CARPIMKO n° <ent type="FILE_NUMBER">C 558 214</ent>. Quelles démarches ?',
    'touchait une retraite de la MSA, numéro <ent type="MSA">74 112 539</ent>. J\'ai droit à la réversion ?',
    'l\'EDE de mon élevage c\'est <ent type="FILE_NUMBER">FR 12 568 990</ent> et mon pacage <ent type="FILE_NUMBER">012521246</ent>.',
    'cueillette du 2 au 20 septembre, références <ent type="FILE_NUMBER">TESA71622942</ent> et <ent type="FILE_NUMBER">TESA73453821</ent>.',
    "mon vol AF1234 et le colis LA123456789FR sont arrivés",
    # a reference copied from a letter, named or not; decrees, dates, error codes and a letter's own short reference stay
    'La lettre porte la référence <ent type="FILE_NUMBER">ASPA-IND-2024-011873</ent> et en dessous <ent type="FILE_NUMBER">TP/2024/052/00873</ent>',
    'la commission de recours amiable, le dossier c\'est <ent type="FILE_NUMBER">CRA 2024-06-1184</ent>. On m\'a dit',
    'Le dossier AT porte le numéro <ent type="FILE_NUMBER">2024AT510093847</ent>.',
    "décret n° 2023-1234 du 28 décembre 2023, consolidé le18/04/2025, erreur 0x80070005",
    "la reference du courrier est AF-2024-1578, facture FAC-2024-000123456",
    # seven digits after "numéro" in a message about a Caf file
    'il a un dossier CAF pour l\'APL, numéro <ent type="ALLOCATAIRE">6486583</ent>.',
    '- Mme Leïla Hamidi, alloc. <ent type="ALLOCATAIRE">8505171</ent>, appartement 4',
    'déclaration faite en ligne, n° d\'AT <ent type="FILE_NUMBER">246 071 835</ent>. Elle n\'a rien reçu',
    'Référence de la réclamation : <ent type="FILE_NUMBER">RCL-2024-558102</ent>. Il attend depuis 5 mois.',
    'Dossier départemental n° <ent type="FILE_NUMBER">ASH-59-2025-04418</ent>. Il nous faut le montant',
    # a professional's public register number is readable
    'Thomas Gaudin, pharmacien titulaire (RPPS 10003345718)',
    # the tax notice's reference after its name; a file named by its scheme
    'référence de l\'avis <ent type="FISCAL">24 75 K381952 06</ent>, c\'est celui de mon conjoint',
    'dossier retraite <ent type="FILE_NUMBER">2024RET00587412</ent> qui traite mon dossier svp',
    "mon dossier caf 2024 est en cours depuis mars",
    'dossier MDPH n° <ent type="FILE_NUMBER">2024/118734</ent> en attente depuis 8 mois',
    "dossier ref 2024/03/1547",
    # a pension number ending with a capital after a space, or glued to a phone-shaped number
    'numero de pension <ent type="FILE_NUMBER">03 784 215 K</ent> c\'est pour la reversion',
    'et n° de pension <ent type="FILE_NUMBER">0741258963R</ent> sur le courrier',
    'mon dossier <ent type="FILE_NUMBER">2024118734</ent> a été refusé',
    'mon numéro allocataire c\'est <ent type="ALLOCATAIRE">1234567</ent>',
    'n° alloc: <ent type="ALLOCATAIRE">123 4567</ent>',
    'allocataire n° <ent type="ALLOCATAIRE">1234567</ent>',
    'N° ALLOCATAIRE <ent type="ALLOCATAIRE">1234567</ent>',
    'numero caf <ent type="ALLOCATAIRE">1234567</ent> merci',
    'mon numero allocataire, j\'ai un vieux courrier avec <ent type="ALLOCATAIRE">7654321</ent>',
    'numero msa <ent type="MSA">123456789</ent>',
    'n° MSA : <ent type="MSA">12345678</ent>',
    'numero fiscal <ent type="FISCAL">0123456789012</ent>',
    'mon n° fiscal : <ent type="FISCAL">01 23 456 789 012</ent>',
    # the bare word, without "numéro", right before the value
    'allocataire <ent type="ALLOCATAIRE">1234567</ent> je n\'ai pas eu l\'apl',
    'mon num caf c <ent type="ALLOCATAIRE">1234567</ent>',
    'ALLOC : <ent type="ALLOCATAIRE">123 45 67</ent>',
    'mon numero c\'est le <ent type="ALLOCATAIRE">7654321</ent>',
    'msa <ent type="MSA">12345678</ent> merci',
    'fiscal : <ent type="FISCAL">0123456789012</ent>',
    # no cue, an amount, or a cue without a number
    "ma facture 1234567 est payee",
    "numero allocataire ? je l'ai perdu, j'ai touche 1 250 000",
    "numero allocataire ? j'ai 250 euros de dettes",
    "ou je trouve mon numero fiscal ?",
    "le numero de la caf c'est le 3230",
    # bare words far from a number, or before a date, years, a phone number
    "allocataire depuis 2015, j'ai touche 1 250 000",
    "la prime de rentree caf 2024 2025 c'est quand ?",
    "courrier caf 12.05.2024 recu hier",
    "caf 12 05 2024",
    "la msa 06 12 34 56 78",
    # the other references of a file
    'Mme Arnal, dossier n° <ent type="FILE_NUMBER">987654321</ent> toujours en attente',
    'ma référence pajemploi est <ent type="FILE_NUMBER">12345678</ent>',
    'mon num urssaf <ent type="FILE_NUMBER">527 000123456789012</ent> je ne peux pas payer',
    'numero de cotisant : <ent type="FILE_NUMBER">117 1234567890</ent>',
    'n° de pension <ent type="FILE_NUMBER">12345678</ent> virement absent',
    'dossier : <ent type="FILE_NUMBER">AB123456</ent>',
    'mon dossier c\'est le <ent type="FILE_NUMBER">987654</ent>',
    'numero cesu <ent type="FILE_NUMBER">1234567890123</ent>',
    # a file named next to a date, a year, an amount or a phone number
    "numero de dossier envoye le 12.05.2024",
    "mon dossier 2024 est bloque depuis 3 mois",
    "j'ai un dossier depuis 3 ans avec 12000 euros de dettes",
    "je paye 15000 euros a l urssaf",
    "mon numero urssaf 12 03 2024 c'est quand ?",
    "ou trouver mon numero de dossier pajemploi ?",
    "le siret de l'urssaf c'est quoi",
    "mon siret 123 456 789 00012 est radie ?",
    # France Travail's identifier ends with a letter
    'mon numéro pole emploi <ent type="FILE_NUMBER">1234567A</ent>',
    'identifiant france travail : <ent type="FILE_NUMBER">7654321B</ent> merci',
    "mon dossier 12345 e de dettes",
    # references mixing letters and digits; a second value
    'n° dossier <ent type="FILE_NUMBER">2024-DR-0458213</ent>, aucune nouvelle',
    'mon n° pajemploi <ent type="FILE_NUMBER">7B2941058</ent> et celui de la nounou',
    'mon num FT c\'est <ent type="FILE_NUMBER">6093517Z</ent> ou <ent type="FILE_NUMBER">6093517</ent>',
    "courrier ref 2026-04 recu hier",
    # a second tax number for the spouse
    'moi n° fiscal <ent type="FISCAL">0123456789012</ent>, mon conjoint <ent type="FISCAL">3014496225426</ent>',
    # a year or 'M.' between the label and the number; letters and a space before the digits
    'Mon numéro fiscal (en haut de l\'avis d\'imposition 2024) : <ent type="FISCAL">09 64 332 659 031</ent>',
    'mon numero pajemploi c\'est <ent type="FILE_NUMBER">PE 7012 4456 8</ent> et ma nounou',
    # a pension number after a single letter
    'n° de pension <ent type="FILE_NUMBER">B 24 017 532</ent>',
    # a long number that nothing names is some reference of the person; not a phone, a SIRET,
    # years, an invoice or a customer number
    'voila <ent type="FILE_NUMBER">8902 3193 8187 5071</ent>',
    'ne en 1985, ref <ent type="FILE_NUMBER">18503751120456</ent>',
    "le SIRET de mon employeur (Boulangerie du Centre SARL) c'est 432 918 067 00041",
    "entre 2019 2020 2021 2022 rien recu",
    "la facture du plombier porte le numéro 229039722823478",
    "numero client 185037511204561 chez mon fournisseur",
    'Réf dossier: <ent type="FILE_NUMBER">2024/CPAM/0087451</ent>',
    'MSA Picardie, adherent <ent type="MSA">3187650</ent>',
    # a pensioner's, a member's, a contract's, a childminder's, an asylum seeker's, a hospital stay's number
    'Mon dossier Agirc-Arrco c\'est le <ent type="FILE_NUMBER">48751236</ent>, il faut faire quoi',
    'mutuelle Malakoff Humanis contrat n° <ent type="FILE_NUMBER">0052726294-00</ent>, ils me disent',
    'carte de mutuelle, numéro de membre <ent type="FILE_NUMBER">YYK476782</ent>, la pharmacie',
    'adhérente à la MGEN sous le numéro <ent type="FILE_NUMBER">7 93 328 846</ent>, la CPAM',
    'demandeur d\'asile, n° OFII <ent type="FILE_NUMBER">010721084</ent>, mon dossier',
    'numéro de pensionné <ent type="FILE_NUMBER">463660S</ent>, je suis veuve',
    'Mon numéro pajemploie est <ent type="FILE_NUMBER">5647215L</ent>, j\'ai oublié',
    'numéro de salariée de la nounou <ent type="FILE_NUMBER">28661459</ent>, son nom',
    'numéros de séjour de l\'hôpital : <ent type="FILE_NUMBER">55844920</ent> et <ent type="FILE_NUMBER">49051514</ent>, l\'un pour',
    # an 08 number is a service's, never one's own phone
    'bonjour, mon numero de pension c\'est <ent type="FILE_NUMBER">0854127736</ent> et je voudrais',
    'avis d\'impôt réf <ent type="FISCAL">21 59 E 610497 04</ent>, c\'est le bon ?',
    "le contrat n° 2024 du 12/03/2024",
    "numéro de contrat de 35 heures",
    # a guardianship judgment, a student's INE, France Travail's identifier after the service's name
    'référence du jugement de tutelle <ent type="FILE_NUMBER">24/01386</ent>, numéro allocataire',
    'num de minute du jugement <ent type="FILE_NUMBER">24/0766</ent>, c\'est le seul',
    "L'arrêt de la cour d'appel de Lyon, RG n° 22/04567, publié sur Légifrance, parle d'un cas comme le mien",
    'Numero INE de mon fils : <ent type="FILE_NUMBER">2179193260Z</ent>, il a besoin',
    'numéro national étudiant <ent type="FILE_NUMBER">2958705972N</ent>',
    'je me connecte sur francetravail.fr avec <ent type="FILE_NUMBER">7718245T</ent> et mon mot de passe',
    'assistante maternelle, numéro d\'agrément PMI <ent type="FILE_NUMBER">778242</ent>, mon employeur',
    'la réclamation c\'est la <ent type="FILE_NUMBER">R-46757278</ent>, toujours rien',
    'mon espace caf, identifiant <ent type="ALLOCATAIRE">9640482</ent> et mon code',
    # the allocataire number named in other languages
    'My allocataire number is <ent type="ALLOCATAIRE">2797793</ent> – the housing benefit stopped',
    'número de alocatário <ent type="ALLOCATAIRE">6531966</ent>, a CAF cortou',
    'numer alokatariusza <ent type="ALLOCATAIRE">7291069</ent>, nie dostałam',
    # a letter's header, copied or scanned: the person's file; a letter's own short reference stays
    'Objet : trop perçu\nVos références : <ent type="FILE_NUMBER">6230092</ent>\nDossier suivi par',
    'en haut a droite de la lettre : V/Réf : <ent type="FILE_NUMBER">1673808</ent> N/Réf : IND-34',
    'Vos références : <ent type="FILE_NUMBER">52 94 476 373 369</ent>\nLÉON NGUYEN',
    'Vos ref6rences : <ent type="FILE_NUMBER">474089O</ent>\nDossier suivi par',
    "Vos références : à rappeler dans toute correspondance",
    'Madame LEMOINE Perrine / Réf : <ent type="FILE_NUMBER">9467384</ent> / Objet : votre demande',
    "Revenu fiscal de référence : 18 742 - Nombre de parts : 1,5",
    # a complaint's or a court case's number; a notary's file; a number with letters after slashes or dots
    'voici le numéro de procédure <ent type="FILE_NUMBER">2024/004713</ent> si vous en avez besoin',
    'on m\'a donné un numéro de plainte <ent type="FILE_NUMBER">2024/06/13-00482</ent>',
    'notre dossier successoral porte le n° <ent type="FILE_NUMBER">2025.00287.AB</ent> chez le notaire',
    'Notre réf. à l\'Office notarial Saint-Michel : n° <ent type="FILE_NUMBER">103458/JD/MA</ent>.',
    'dossier succession de Mme Texier, réf. <ent type="FILE_NUMBER">DT/2025/112</ent>. La défunte',
    'Le dossier est au nom de ma fille, n° <ent type="ALLOCATAIRE">2789024</ent>. Comment contester ?',
    'Notre avis d\'impôt porte la référence <ent type="FISCAL">21 58 H804028 32</ent>. On me demande',
    "dossier ref 2024/03/1547",
    'le mail dit "dossier n°FR-44871-CAF", c\'est une arnaque ?',
    # a code of letters and digits the person calls theirs; not a form's number nor an article of law
    'ma référence <ent type="FILE_NUMBER">X7Y4Z9K2</ent> pour le courrier',
    'mon dossier n°<ent type="FILE_NUMBER">A2B3C4D5</ent> est bloqué',
    "notre numéro de dossier c'est <ent type=\"FILE_NUMBER\">AB12CD34EF</ent>",
    "mon dossier est bloqué depuis le 12 mars, ma demande 2042-RICI aussi",
    "mon numéro S3705 c'est le formulaire ?",
    "ma référence L161-1 du code de la sécurité sociale",
    "Numéro du formulaire : cerfa n° 12345*03, dossier complet",
    # a guardianship's court decision and the measure's reference at the association carrying it out
    'curatelle de M. Leclerc (n° de minute <ent type="FILE_NUMBER">2024/00873</ent>). Pour me joindre',
    'je suis curatrice de M. Leroy (décision n° <ent type="FILE_NUMBER">24/00158</ent> du tribunal de Lyon)',
    'sous tutelle, notre numéro de dossier : <ent type="FILE_NUMBER">54-TUT-7713</ent>.',
    'tutelle - réf. mesure : <ent type="FILE_NUMBER">UDAF71-CS-0932</ent>',
    "la décision n° 2024/1234 du Conseil d'État sur les tutelles",
    "ordonnance n° 2020-1234 du 30 septembre",
    # the partner's number after one's own; an accident's reference
    'Mon numéro CAF : <ent type="ALLOCATAIRE">3693032</ent>, le sien : <ent type="ALLOCATAIRE">0205770</ent>.',
    'Son allocataire à lui : <ent type="ALLOCATAIRE">6663839</ent>',
    'Réf. accident : <ent type="FILE_NUMBER">240731882</ent>.',
    # a protection order, a complaint's receipt or report, a judgment's register number kept whole
    'l\'ordonnance de protection c\'est la n° <ent type="FILE_NUMBER">24/00871</ent>. je n\'ai pas',
    'récépissé de plainte n° <ent type="FILE_NUMBER">2025/011902</ent>, merci',
    'le numéro de procès-verbal de ma plainte c\'est <ent type="FILE_NUMBER">00927/2025/001384</ent>, déposée',
    'le curateur de mon frère (jugement <ent type="FILE_NUMBER">RG 23/04270</ent>). Son dossier',
    # a bailiff's reference, a debt's number; a published decision stays readable
    'une lettre d\'huissier ref <ent type="FILE_NUMBER">H24-77193</ent> j\'ai peur',
    'Le commissaire de justice indique la référence <ent type="FILE_NUMBER">SR 24/01987</ent>. On peut',
    'numéro d\'indu <ent type="FILE_NUMBER">9402 7731 2048</ent>, merci',
    'mon arrêt de travail n° <ent type="FILE_NUMBER">2024/118734</ent> svp',
    "L'arrêt de la cour d'appel de Lyon, RG n° 22/04567, publié sur Légifrance",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only=frozenset({"ALLOCATAIRE", "MSA", "FISCAL", "FILE_NUMBER"}))
