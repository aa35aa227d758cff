import { idParam } from '../common';
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
} from '../macros';
import { noContent, route } from './route';

const path = '/api/v1/macros';

export const macrosRoutes = {
  list: route({ method: 'GET', path, querystring: macrosQuery, response: macrosList }),
  create: route({ method: 'POST', path, body: createMacroBody, response: macroSchema }),
  get: route({ method: 'GET', path: `${path}/:id`, params: idParam, response: macroSchema }),
  update: route({
    method: 'PATCH',
    path: `${path}/:id`,
    params: idParam,
    body: updateMacroBody,
    response: macroSchema,
  }),
  remove: route({ method: 'DELETE', path: `${path}/:id`, params: idParam, response: noContent }),
  preview: route({
    method: 'POST',
    path: `${path}/:id/preview`,
    params: idParam,
    body: previewMacroBody,
    response: macroPreviewSchema,
  }),
  apply: route({
    method: 'POST',
    path: `${path}/:id/apply`,
    params: idParam,
    body: applyMacroBody,
    response: macroApplySchema,
  }),
};
