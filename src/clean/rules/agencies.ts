/**
 * Photo and wire agencies as they appear in credits. A vocabulary, not page phrases: credit
 * lines are recognised by their shape (label, slash, parentheses) plus one of these names.
 */
export const AGENCY = String.raw`(?:Getty(?:\s+Images)?|Reuters|AFP|AP|Associated\s+Press|PA(?:\s+(?:Media|Wire|Images))?|Press\s+Association|EPA(?:-EFE)?|Shutterstock|Alamy(?:\s+Live\s+News)?|Bloomberg|Xinhua|Anadolu(?:\s+Agency)?|SOPA\s+Images|NurPhoto|ZUMA(?:\s+(?:Press|Wire))?|Rex(?:\s+Features)?|iStock(?:photo)?|Handout|Supplied|File\s+photo|NASA|Corbis|Magnum(?:\s+Photos)?|Panos(?:\s+Pictures)?)`;
