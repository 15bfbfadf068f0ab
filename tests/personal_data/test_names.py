"""Names: cue patterns, spaCy PER spans, and the stoplist against false positives."""

from __future__ import annotations

import pytest

from bot.personal_data import mask

from .conftest import check_annotated

SENTENCES = [
    # names listed with a name found, the carer named after her role
    'mes 2 enfants <ent type="NAME">Nael</ent> et <ent type="NAME">Lya</ent> sont gardés chez moi',
    'mes enfants <ent type="NAME">Timothée</ent>, <ent type="NAME">Constance</ent> et <ent type="NAME">Aliénor</ent> sont inscrits',
    'mes autres enfants : <ent type="NAME">Abdel</ent> 2010, <ent type="NAME">Nour</ent> 2012, <ent type="NAME">Meriem</ent> 2019',
    'Le RIB de l\'assistante maternelle <ent type="NAME">Yvette Lemaire</ent> pour que je la paie',
    'la nounou <ent type="NAME">Rosa</ent> a été payée le 5',
    "j'ai appelé la Caf et France Travail, personne ne répond",
    # a known first name after "employeur" is a person, a company name is not
    'Mon employeur <ent type="NAME">Jacques Lefèvre</ent> est décédé, que faire ?',
    "brut 2 145,67 € employeur Leroy Merlin, c'est quel montant ?",
    'ma grand mère <ent type="NAME">Marie-Louise</ent> est en curatelle',
    # in lowercase, a first name and a surname the dictionary also knows (INSEE's lists)
    'oui c\'est <ent type="NAME">kader benyahia</ent> je suis au 14',
    'bonjour c\'est pour mon père <ent type="NAME">andré bouvier</ent> son numéro',
    'mon ex mari <ent type="NAME">thomas girard</ent> touche les allocs a ma place',
    "l'aide Mobili-Jeune c max 100€/mois ?",
    # after a known first name, a lowercase particle belongs to the surname that follows; not to a word
    'c\'est <ent type="NAME">kevin le goff</ent> avec deux f',
    'bonjour c\'est <ent type="NAME">madeleine da silva</ent> euh',
    "je suis marie de passage à lyon",
    # the same name in its own script, after it or after a presentation; a language in its script is no name
    'Bonjour, je suis <ent type="NAME">Anastasia Morozova</ent> (<ent type="NAME">Анастасия Морозова</ent>), mon code',
    'Bonjour je suis <ent type="NAME">李伟</ent>, étudiant à Lyon',
    "je parle le russe (русский язык) et l'arabe, Salam",
    'mon arrêt a été prolongé par le Dr <ent type="NAME">Nguyen</ent> jusqu\'au 30 avril',
    "envoyer le dossier à la Caf, Rue du Docteur Gallet à Bordeaux, ou rue Madame à Paris ?",
    'je travaillais sous mon nom de jeune fille, <ent type="NAME">Garnier</ent>. Aujourd\'hui',
    "la réforme Touraine de 2014 a allongé la durée, Marisol Touraine l'avait dit",
    'une prime de déménagement pour la famille <ent type="NAME">Boudiaf</ent>, trois enfants',
    'bonjour voila mon nom <ent type="NAME">kowalski stanislas</ent> je veut ma retraite',
    'mon nom de famille cé <ent type="NAME">ouedraogo</ent> et je suis au chomage',
    'cé moi <ent type="NAME">haddad rachid</ent> jai envoyé les papié le mois dernié',
    'I not speak french good. my name <ent type="NAME">Ivan Horvat</ent> please help',
    "mon nom est mal écrit sur l'attestation",
    "c'est moi qui ai appelé hier",
    'bonjour, pour la succession <ent type="NAME">Vasseur</ent> vous pouvez me repondre par mail',
    "la succession est ouverte depuis mars",
    # a clause in another language or a region is no name
    "Ki jan pou mwen chanjé mo dpas an mwen asi sit ameli la ? Mèsi davans",
    "mi abuela trabajó en Burdeos, ella vive en Galicia",
    # particles after a title, but not a function ("Madame la Ministre")
    'le logement de M. <ent type="NAME">Van den Berg</ent> c\'est au 3 rue des Lilas',
    'c\'est Mme <ent type="NAME">de la Fontaine</ent> son nom d\'epouse',
    "Madame la Ministre a annonce une hausse",
    # a place named after someone, found by the statistical model too
    "l'ecole maternelle Jules Ferry demande le quotient familial",
    "la creche Louise Michel ferme en aout",
    # public figures of social security: a minister, a founder
    "Ambroise Croizat doit se retourner dans sa tombe avec vos delais",
    "j'ai vu Catherine Vautrin a la tele parler du versement a la source des aides",
    # "signée" is no signature cue: nothing to mask ("signé[NOM] hier" before)
    "il me faut une attestation signée hier par l'employeur",
    "la feuille de soins signee par le medecin je l'envoie ou",
    'Signé : <ent type="NAME">Pascal Renaud</ent>',
    # Schemes and services are no names ("au salarié [NOM]" before)
    "L'employeur particulier doit-il faire une fiche de paie au salarié Cesu ?",
    "mon salarié Pajemploi et la retraite Agirc-Arrco",
    "Quelle minoration peut-on voir appliquer à la pension complémentaire Agirc-Arrco ?",
    "la retraite complementaire Agirc-Arrco de mon pere et Pole-Emploi",
    'mon conseiller <ent type="NAME">Jean-Pierre</ent> ne repond plus',
    'je m\'appelle <ent type="NAME">Sophie Lemarchand</ent>',
    'je m appelle <ent type="NAME">kevin lefort</ent> j\'ai 2 enfants',
    'Madame <ent type="NAME">Garnier</ent> m\'a dit de vous ecrire',
    'Mme <ent type="NAME">Da Silva</ent> a appele',
    'M. <ent type="NAME">Dupuis</ent> a envoye le document',
    "Mme <ent type=\"NAME\">Durand</ent> m'a dit d'appeler le 3230",
    'Cordialement, <ent type="NAME">Nadia Benali</ent>',
    'merci\\nCordialement\\nMme <ent type="NAME">Vasseur</ent>',
    'mon fils <ent type="NAME">Enzo</ent> a 3 ans',
    '<ent type="NAME">Emilie Rousseau</ent> epouse <ent type="NAME">Marchand</ent>',
    'j\'ai parle avec <ent type="NAME">Sylvie Marchal</ent> au guichet',
    # Laws named after their minister are no people ("loi [NOM]" before)
    "Qui peut effectuer un rachat « loi Fillon » ?",
    "la réforme Touraine a changé le nombre de trimestres ?",
    'j\'ai voté pour la loi mais <ent type="NAME">Martine Leroux</ent> m\'a répondu',
    # stoplist, titles alone, organisations, capitalised chat words
    "Bonjour Madame, Monsieur, ma Caf ne repond pas",
    "Madame, Monsieur,",
    "Merci Madame pour votre reponse",
    "Madame la directrice, je conteste",
    "Mon Compte Ameli me dit erreur, Doctolib aussi",
    "la CAF de Lyon et la Cpam de Paris",
    "Urgent : plus aucun versement depuis Janvier",
    "Suite a mon demenagement, Concernant ma demande de RSA",
    "je touche l'APL, le RSA et l'AAH",
    "merci davance",
    "Je suis Français et je vis en Espagne",
    "je travaille a l'aeroport Charles de Gaulle",
    "mon fils est au college Jean Jaures",
    # lowercase names after "je suis" / "c'est", and "marié" that is no Marie
    'je suis <ent type="NAME">kevin lefort</ent>, etudiant',
    'je suis <ent type="NAME">marie dupont</ent> et j\'ai 2 enfants',
    'c est <ent type="NAME">kevin</ent> pour le rdv',
    'je m\'appelle <ent type="NAME">marie dupont</ent>',
    'mon fils <ent type="NAME">enzo</ent> malade depuis lundi',
    "je suis marie depuis 2010",
    "je suis marié et j'ai 2 enfants",
    "je suis marie pacsee ou celibataire pour la caf ?",
    "c'est claire pour moi",
    # words missing from spaCy's lemma tables, capitalised at the start of a question
    "Décès survenu à l'étranger : quel document transmettre à la MSA ?",
    "Réimmatriculer une micro-entreprise après une radiation : quelles démarches ?",
    "Ma banque me réclame un extrait Kbis de moins de 3 mois",
    "Je suis exploitant agricole et j'ai contracté le Covid pendant le confinement.",
    "Mon conjoint, partenaire de Pacs, peut-il avoir la réversion ? Et l'Arce si je crée ?",
    "Combien de temps pour répondre à une demande d'Acaata ? Et pour l'Ajpa ?",
    "Un médecin adhérent à l'Optam, c'est mieux remboursé ? Et la Dpae, c'est quoi ?",
    # "de la part de" is a cue; "de la part des caisses" is not
    "J'ai reçu un relevé de la part des caisses de retraite, à quoi sert-il ?",
    'je vous écris de la part de <ent type="NAME">Martine Dubois</ent>',
    'un message de la part d\'<ent type="NAME">Enzo</ent> pour vous',
    # a lowercase surname the dictionary also knows, right after a civility title
    'je suis madame <ent type="NAME">dupont</ent> et j\'attends ma pension',
    'bonjour monsieur <ent type="NAME">rousseau</ent> m\'a dit de rappeler',
    'mme <ent type="NAME">moreau fournier</ent>, dossier retraite',
    # ... but not the sentence going on after "madame" / "monsieur"
    "bonjour madame pouvez vous m'aider",
    "madame excusez moi de vous deranger",
    "merci monsieur vraiment",
    "monsieur veuillez trouver ci-joint",
    "merci madame super service",
    # a place named after someone; a quoted name after its label
    "l'agence rue Victor Hugo est fermée le jeudi",
    'le dossier est au nom de "<ent type="NAME">Nguyen Thi Lan</ent>"',
    # a surname in capitals before the first name; a public figure without a title
    'nom + date de naissance : <ent type="NAME">LEMOINE Martine</ent>',
    "Macron augmente tout sauf les retraites",
    'je suis Mme <ent type="NAME">Borne</ent>',
    # a public office holder named with the office
    "Madame la ministre Catherine Vautrin a annoncé une revalorisation",
    # a public figure's full name
    "Elisabeth Borne avait dit que la réforme passerait",
    # a square named after someone
    "j habite pres de la place Victor Hugo, il y a une agence ?",
    # qualified name labels, with or without a colon; a name in a pasted conversation
    'nom de naissance : <ent type="NAME">ROUSSEL</ent>, nom d\'usage : <ent type="NAME">Mercier</ent>',
    'nom d\'usage <ent type="NAME">perrin</ent>',
    "comment changer mon nom d'usage ?",
    '[10:05] <ent type="NAME">Abdou</ent> : tu peux m\'appeler ?',
    'mon nom complet est <ent type="NAME">RAKOTONDRABE Haingonirina Miora Fanja</ent>, sur la carte il manque un prenom',
    # a handle made of a name; an e-mail hidden in part, a slogan, an organisation\'s account
    '@<ent type="NAME">sandrine.leroux59</ent> moi aussi j\'attends',
    "s***@gmail.com c'est la bonne adresse ?",
    "contactez moi sur telegram @richesse_facile",
    "@CAF_officiel merci pour la reponse",
    "Le Defenseur des droits Claire Hedon a dit que les controles etaient injustes",
    # lowercase after a bare label: a known first name, then a surname no dictionary knows;
    # a compound first name; an ex-partner
    'date de naiss 12/03/1990 nom <ent type="NAME">fatou diallo</ent>',
    'cest pour mon pere <ent type="NAME">jean pierre gautier</ent> il est a lhopital',
    'mon ex mari <ent type="NAME">thomas girard</ent> touche les allocs a ma place',
    "au nom de mon fils, je demande la prime",
    # a child named by "s'appelle" or as "un bébé"; a minister after "la réforme de Mme"; a court
    'pour la paje, elle s\'appelle <ent type="NAME">Romy</ent> née le 04/04/2025',
    'mon fils s\'appelle <ent type="NAME">Timéo</ent>',
    'ma sœur <ent type="NAME">Camille</ent> a eu un bébé <ent type="NAME">Lya</ent> le 20/06/2025',
    "la prestation elle s'appelle Prime de naissance ?",
    "la réforme de Mme Borne change quoi pour moi qui suis né en 1963 ?",
    "Cass. soc., 13 mars 2024, n° 22-19.102 : ça concerne le maintien de salaire",
    'nom jf <ent type="NAME">Robin</ent> / nom d\'usage <ent type="NAME">Martin</ent>',
    'Mon nom de naissance est <ent type="NAME">Henry</ent>, mon nom marital <ent type="NAME">Dubois</ent>',
    "Le fauteuil roulant a été expédié, numéro de suivi Colissimo, la CPAM prend en charge ?",
    "Marc Fesneau quand il était ministre de l'Agriculture avait promis une revalorisation",
    # who one is, in other languages; a message in another language keeps its capitalised words
    'Guten Tag, ich heiße <ent type="NAME">Jürgen Schneider</ent>, meine französische Rente',
    'Buenos días, soy <ent type="NAME">Rocío</ent>, mi número de teléfono',
    # a letter's blocks name the person
    'attestation de paiement :\nAllocataire : <ent type="NAME">CLÉMENCE JACOB</ent>\nNuméro : 1173',
    'Titulaire : <ent type="NAME">ROSA LEBRUN</ent>\nIBAN joint',
    'le bloc de la lettre:\nDestinataire\n<ent type="NAME">KAMEL GUÉRIN</ent>\nAppt 305',
    "Godziny otwarcia CPAM w Lille są od 8:30 do 16:30? Chcę przyjść w czwartek.",
    # the N of "N°" and a table's next column are not part of the name; a list opened by a colon
    'Allocataire : M. <ent type="NAME">JACQUET Tristan</ent>\tN° 9271303\nPériode : janvier 2025',
    'Bénéficiaires\n<ent type="NAME">FONTAINE Roger</ent>\tAssuré\t04/03/1994',
    'Nous sommes trois enfants : <ent type="NAME">Anna</ent>, <ent type="NAME">Marc</ent> et <ent type="NAME">Irène</ent>.',
    # a screen's label before a name, not before a form's answer
    'Salariée : <ent type="NAME">DELATTRE Awa</ent>\tAssistante maternelle\nMars 2025',
    'Enfants à charge : <ent type="NAME">Lina</ent> (03/05/2012)',
    "Salarié : Oui\nConjoint : Aucun",
    # a name ends with its line
    'Je vous rappelle mes références :\n<ent type="NAME">VIDAL Geneviève</ent>\nAllocataire : 1234567',
    # alone after a cue that names the name, a lowercase surname the dictionary also knows
    'je m\'appelle <ent type="NAME">dupont</ent>, j\'ai pas reçu mon apl',
    'mon nom de famille c\'est <ent type="NAME">fournier</ent> avec un f',
    'de la part de <ent type="NAME">moreau</ent>',
    "mon nom est inscrit sur le courrier",
    "mon nom est mal orthographié sur ma carte",
    "moi c'est bon, j'ai reçu le virement",
    "je m'appelle comment déjà ? je sais plus",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="NAME")


@pytest.mark.parametrize(
    "line",
    [
        'je m\'appelle <ent type="NAME">Sophie Lemarchand</ent>',
        'Madame <ent type="NAME">Garnier</ent> m\'a dit de vous ecrire',
        'Cordialement, <ent type="NAME">Nadia Benali</ent>',
        "Bonjour Madame, Monsieur, ma Caf ne repond pas",
    ],
)
def test_cue_names_work_without_spacy(regex_detector, line):
    check_annotated(regex_detector, line, only="NAME")


@pytest.mark.parametrize("name", ["Clémence Charpentier", "Yannick Boulanger", "Rosalie Meunier", "Thibault Berger"])
def test_a_common_first_name_with_a_trade_for_surname_is_a_name(name):
    assert mask(f"bonjour, {name} à l'appareil").text == "bonjour, [NOM] à l'appareil"
