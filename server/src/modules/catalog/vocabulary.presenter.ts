import { Type, type Static } from 'typebox';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import {
  BASE_DATABASES,
  DATA_TYPES,
  FILE_FORMATS,
  FORMAT_TYPES,
  OPEN_METHODS,
  SENSITIVITIES,
  SHARE_METHODS,
  UPDATE_CYCLES,
} from './catalog.vocabulary.ts';

const Names = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
const TermList = Type.Array(Type.Object({ code: Type.String(), name: Names }));

/** Every value list a catalog form or template offers, with names in both languages. */
export const Vocabulary = Type.Object({
  formatTypes: TermList,
  fileFormats: Type.Array(
    Type.Object({
      code: Type.String(),
      mediaType: Type.String(),
      machineReadable: Type.Boolean(),
      open: Type.Boolean(),
    }),
  ),
  shareMethods: TermList,
  openMethods: TermList,
  updateCycles: TermList,
  dataTypes: Type.Array(
    Type.Object({ code: Type.String(), name: Names, storable: Type.Boolean(), needsLength: Type.Boolean() }),
  ),
  sensitivities: TermList,
  baseDatabases: TermList,
  securityLevels: TermList,
  shareTypes: TermList,
  openTypes: TermList,
  resourceCode: Type.Object({ pattern: Type.String(), example: Type.String() }),
});
/** The vocabulary. */
export type Vocabulary = Static<typeof Vocabulary>;

const terms = (list: readonly { code: string; name: { 'zh-CN': string; en: string } }[]) =>
  list.map(({ code, name }) => ({ code, name }));

/** The value lists, with the active profile's category names, security levels and code format. */
export function catalogVocabulary(profile: Profile): Vocabulary {
  const categories = (kind: 'share' | 'open') =>
    (['unconditional', 'conditional', 'none'] as const).map((code) => ({
      code,
      name: profile.categories[kind][code],
    }));
  return {
    formatTypes: terms(FORMAT_TYPES),
    fileFormats: FILE_FORMATS.map((f) => ({ ...f })),
    shareMethods: terms(SHARE_METHODS),
    openMethods: terms(OPEN_METHODS),
    updateCycles: terms(UPDATE_CYCLES),
    dataTypes: DATA_TYPES.map(({ code, name, storable, needsLength }) => ({
      code,
      name,
      storable,
      needsLength,
    })),
    sensitivities: terms(SENSITIVITIES),
    baseDatabases: terms(BASE_DATABASES),
    securityLevels: profile.catalog.securityLevels.map(({ code, name }) => ({ code, name })),
    shareTypes: categories('share'),
    openTypes: categories('open'),
    resourceCode: {
      pattern: profile.catalog.resourceCode.pattern,
      example: profile.catalog.resourceCode.example,
    },
  };
}
