"""Postal addresses: numbered streets anywhere, bare streets after a cue."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    # streets of other countries: German compounds, Italian, British order
    'j\'habite <ent type="ADDRESS">Lindenweg 7, 77694 Kehl</ent> mais je travaille en Suisse',
    'je vis à <ent type="ADDRESS">Corso Francia 140, 10143 Torino</ent>, je touche une pension',
    'j\'habitais <ent type="ADDRESS">27 Chesterfield Road, Bristol BS6 5DN</ent>, maintenant je suis en France',
    # after "adresse" without a colon, after "demeurant", a post-office box: up to the postcode and town
    'ADRESSE <ent type="ADDRESS">KERNEVEZ 29470 PLOUGASTEL-DAOULAS</ent>',
    'Je soussigné, demeurant <ent type="ADDRESS">BP 112, 97300 Cayenne</ent>, agissant',
    'Mon adresse : <ent type="ADDRESS">BP 27, 61100 Flers</ent>. Merci',
    "mon adresse change bientot, 75011 Paris",
    'mon adresse exacte c <ent type="ADDRESS">résidence CROUS Daniel Faucher, bât C, chambre 117, 31400 Toulouse</ent> jsais pas',
    "bonjour la CAF de Lille est bien au 82 rue Brûle Maison ? l'adresse de la fac c 60 rue du Plat d'Étain",
    # a farm or a hamlet named, then its postcode and town; not an organisation nor a town
    'vous pouvez passer à <ent type="ADDRESS">La Roche, 03250 Le Mayet-de-Montagne</ent> pour voir les bêtes',
    'la ferme de nos parents, au <ent type="ADDRESS">Mas de la Font, 30460 Lasalle</ent>. Il faut',
    "rendez-vous à la Mairie, 33000 Bordeaux, ou à Paris, 75011 Paris",
    # where one lives, a place without street, then its postcode; a town is not an address
    'Je m\'appelle Annick, nous habitons <ent type="ADDRESS">Kerhallet, 29830 Ploudalmézeau</ent>. Mon portable',
    'l\'exploitation est au <ent type="ADDRESS">lieu-dit Pech Merle, 47300 Pujols</ent>.',
    "j'habite à Lyon 69003 depuis deux ans",
    # an organisation, then where it is; a room in a residence belongs to the address
    "Bonjour, CCAS de Pessac, 28 avenue Jean Jaurès. Nous recevons des usagers inquiets.",
    "La Carsat Nord-Picardie, 11 allée Vauban à Villeneuve-d'Ascq, est ouverte le samedi matin ?",
    "la cpam c bien au 2 rue d'Iéna à Lille ? jy vais demain à 9h",
    'la caf m\'a écrit au <ent type="ADDRESS">12 rue des Lilas</ent> à Lyon',
    'la caf envoie au <ent type="ADDRESS">12 rue des Lilas</ent> au lieu de ma nouvelle adresse',
    "je dois envoyer mon dossier à la MSA Sud Champagne, 2 rue Paul Ramon à Troyes, ou à Chaumont ?",
    "Office notarial du Ralliement, 3 rue Lenepveu, 49100 Angers",
    'Elle habite <ent type="ADDRESS">chambre 305, 19 boulevard Jourdan, 75014 Paris</ent> depuis mars',
    # an organisation's mail address: cedex inside the span
    "J'ai envoyé les papiers à la Caf du Rhône, 67 boulevard Vivier Merle, 69409 Lyon Cedex 03, c'est la bonne adresse ?",
    # an organisation, then where it is
    "la CPAM de l'Herault au 1 rue du Mas de Grille a Montpellier ouvre a quelle heure ?",
    '@Caf du Nord j\'ai déménagé au <ent type="ADDRESS">5 rue Pasteur 59300 Valenciennes</ent> depuis mars',
    'j habite au <ent type="ADDRESS">28 rue victor hugo 59100 roubaix appartement 5</ent> c est au deuxieme',
    'vivo en <ent type="ADDRESS">Calle Mayor 14, 3ºB, 28013 Madrid</ent> desde enero',
    'nouvelle adresse : <ent type="ADDRESS">Cité des Fleurs, bloc 4 n°12, 69200 Vénissieux</ent>',
    'jsuis au <ent type="ADDRESS">45 rue victor hugo 3eme etage porte gauche 69003 lyon</ent>',
    'adresse:<ent type="ADDRESS">19,chemin des vignes,71000,macon</ent>',
    # a town typed in lowercase keeps its linking words; a floor between the street and its postcode
    'jhabite <ent type="ADDRESS">3 bis chemin de la croix blanche 71100 chalon sur saone</ent> depuis juin',
    'mon adresse cest <ent type="ADDRESS">5 chemin du moulin 38080 l isle d abeau</ent> et pas 15',
    "j'habite <ent type=\"ADDRESS\">12 rue de la paix 69003 lyon</ent> le mois dernier",
    'c\'est bien <ent type="ADDRESS">3 place du Marché, 2e étage gauche, 71100 Chalon-sur-Saône</ent>',
    # the number after the street and a four-digit postcode (Belgium, Portugal)
    'je vis en Belgique : <ent type="ADDRESS">Rue des Tilleuls 47 bte 3, 4020 Liège</ent>, faut-il remplir le E121 ?',
    'morada : <ent type="ADDRESS">Rua das Flores 112, 2º Esq, 4050-265 Porto</ent>, Portugal',
    "la rue de la Paix 1200 personnes manifestent",
    # "r" without its dot before a postcode, a dictated or labelled house number
    'j\'habite au <ent type="ADDRESS">8 r jean jaures 62000 arras</ent>',
    "j'ai payé 8 r de loyer",
    'j habite au <ent type="ADDRESS">douze rue des lilas batiment B 59160 Lomme</ent> depuis aout',
    'adresse : <ent type="ADDRESS">lot 45 lotissement Les Palmistes, 97354 Rémire-Montjoly</ent>',
    '🏠 <ent type="ADDRESS">22 Allée Simone Veil Résidence les Pins Esc C 44300 Nantes</ent>',
    'j\'habite au <ent type="ADDRESS">12 rue des Lilas</ent> depuis 2019',
    'adresse : <ent type="ADDRESS">45 avenue Jean Jaures 69007 Lyon</ent>',
    '<ent type="ADDRESS">3 bis impasse des Rosiers</ent>, je viens de demenager',
    'au <ent type="ADDRESS">8 bd Gambetta</ent> maintenant',
    '<ent type="ADDRESS">17, chemin de la Croix, 31200 Toulouse</ent>',
    '<ent type="ADDRESS">33 av. de la Republique</ent> merci',
    'au <ent type="ADDRESS">14 rue des Acacias 76600 Le Havre</ent> le mois dernier',
    'au <ent type="ADDRESS">14 rue des acacias 76600 le havre</ent> le mois dernier',
    'au <ent type="ADDRESS">2 rue Carnot 37000 tours</ent> depuis mars',
    'j\'habite <ent type="ADDRESS">lotissement les Chenes</ent> a cote',
    '<ent type="ADDRESS">Résidence Les Glycines, bât A</ent>',
    # a dwelling and its parts, without a street
    '<ent type="ADDRESS">residence les Tilleuls batiment C appartement 12</ent>',
    'mon adresse : <ent type="ADDRESS">bat B esc 2 appt 34, 2eme etage</ent>',
    '<ent type="ADDRESS">Bâtiment 4, appartement 21</ent>',
    'ecrivez moi <ent type="ADDRESS">appt 7 bat C</ent> sinon le courrier revient',
    'j\'habite <ent type="ADDRESS">lot. les pins</ent> a Cestas',
    '<ent type="ADDRESS">Cité des Fleurs bat 3 appt 12</ent>',
    '<ent type="ADDRESS">Bât B – Appt 12</ent>',
    '<ent type="ADDRESS">Résidence les Pins - bat 2 - appt 5</ent>',
    # parts that open the next address stay with it
    '<ent type="ADDRESS">Résidence Les Glycines, bât A, 13 rue Emile Zola</ent>',
    # custody and tax words, a single part: not addresses
    "la residence des enfants est chez moi",
    "Quels justificatifs fournir lors d'un contrôle de résidence de la CPAM ?",
    "mon lieu de residence du moment c'est chez ma soeur",
    "la residence de la caf de Bordeaux",
    "residence alternee depuis le jugement",
    "ma residence principale est en Espagne",
    "appt 12 au 3eme",
    "je porte 2 sacs au 3 etage",
    # not addresses
    "le code postal c'est 69003",
    "je vis a Marseille 13015",
    "j'ai 2 places de creche",
    "1 place en creche pour mon fils",
    "la caf avenue Victor Hugo est fermee",
    "je vais a l'agence de la rue de la Republique demain",
    # floors and door sides in a chain, undotted "rés", a street with a flat, "chez M. ..."
    '<ent type="ADDRESS">bat B 3eme etage porte gauche</ent> le courrier n\'arrive pas',
    'adresse <ent type="ADDRESS">rés les acacias bat c</ent>',
    '<ent type="ADDRESS">cité des Fleurs bât 4</ent> a Sarcelles',
    'ecrivez moi <ent type="ADDRESS">chez M. Petit, 8 rue des Ormes 21000 Dijon</ent>',
    'nouvelle adresse : <ent type="ADDRESS">lotissement Bellevue, lot 12</ent>',
    "j'habite au 3eme etage sans ascenseur",
    "le lot des courriers est arrive",
    # a care home's name before its address
    'merci d\'envoyer le courrier à : <ent type="ADDRESS">EHPAD Les Glycines, 2 rue du Docteur Roux, 86000 Poitiers</ent>',
    # towns in several words; an organisation's address
    '<ent type="ADDRESS">3 impasse du moulin 44800 st herblain</ent> c la que j\'habite',
    '<ent type="ADDRESS">2 rue Pasteur, 13090 Aix en Provence</ent>',
    '<ent type="ADDRESS">12 rue des lilas 69003 Lyon</ent> en Janvier',
    "Il faut envoyer le courrier a la CPAM du Finistère, 1 rue de Savoie, 29282 Brest cedex ?",
    "l'adresse de la caf c'est bien 2 rue de la Caf ?",
    # overlapping parts of one address; a farm before its address
    'je change adresse <ent type="ADDRESS">9 rue Ampere batiment B 3eme etage 38000 Grenoble</ent> merci',
    'logé sur l\'exploitation : <ent type="ADDRESS">Domaine de la Garrigue, 1250 chemin des Vignes, 34725 Saint-Félix-de-Lodez</ent>',
    # "aux" inside a name that its postcode closes
    'l\'exploitation est au <ent type="ADDRESS">lieu dit la Fosse aux Loups 23200 Aubusson</ent>',
    '<ent type="ADDRESS">12 rue aux Fèves 67000 Strasbourg</ent>',
    # a dash before the postcode; districts, villages and post-office boxes without a street
    'l\'adresse de mon père c\'est "<ent type="ADDRESS">9, place de l\'Église – 27500 Pont-Audemer</ent>"',
    'je vis <ent type="ADDRESS">village de Combani, 97680 Tsingoni</ent>, le facteur passe pas',
    'adresse postale : <ent type="ADDRESS">BP 214 Kawéni 97600 Mamoudzou</ent>',
    "un village de 12000 habitants",
    'envoyez la carte vitale au <ent type="ADDRESS">15 Grande Rue 25000 Besancon</ent> svp',
    "la grande rue est fermee pour travaux",
    'hebergée chez mon frere <ent type="ADDRESS">56 cite des fleurs bat c 97200 fort de france</ent>',
    # a "cours" is a street when its postcode follows; a town ends with its line
    'j\'habite <ent type="ADDRESS">14 cours Lafayette, 69003 Lyon</ent> depuis mars',
    'Monsieur Serge Pasquier\n<ent type="ADDRESS">140 COURS DE LA FONTAINE\n97200 FORT-DE-FRANCE</ent>\nObjet : votre demande',
    'Adresse de correspondance\n<ent type="ADDRESS">Bât A Appt 46\n145 cours Victor Hugo\n67100 Strasbourg</ent>\nAdresse du logement',
    "j'ai 3 cours de français par semaine",
    "ma fille suit 12 cours de Piano",
    # the farm's or house's name before its street; an agency's address is the agency's
    'Elle habitait <ent type="ADDRESS">La Grange Neuve, lieu-dit Les Combes, 15000 Aurillac</ent>. Il faut',
    'Nouvelle adresse : <ent type="ADDRESS">Moulin de la Roche, route de Saint-Pons, 34600 Bédarieux</ent>, ancienne',
    "L'agence du 12 avenue de la République est fermée ?",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="ADDRESS")
