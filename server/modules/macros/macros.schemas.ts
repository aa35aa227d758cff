import { idParam } from '../../../contracts/common';
import {
  applyMacroBody,
  createMacroBody,
  macroApplySchema,
  macroPreviewSchema,
  macroSchema,
  macrosList,
  macrosQuery,
  previewMacroBody,
  updateMacroBody,
} from '../../../contracts/macros';

export const macrosSchemas = {
  list: { querystring: macrosQuery, response: macrosList },
  create: { body: createMacroBody, response: macroSchema },
  get: { params: idParam, response: macroSchema },
  update: { params: idParam, body: updateMacroBody, response: macroSchema },
  remove: { params: idParam },
  preview: { params: idParam, body: previewMacroBody, response: macroPreviewSchema },
  apply: { params: idParam, body: applyMacroBody, response: macroApplySchema },
};
