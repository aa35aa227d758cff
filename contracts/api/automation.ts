import {
  automationDryRunBody,
  automationRunResult,
  automationSchema,
  automationsList,
  createAutomationBody,
  createTriggerBody,
  dryRunResult,
  orderBody,
  triggerDryRunBody,
  triggerSchema,
  triggersList,
  updateAutomationBody,
  updateTriggerBody,
} from '../automation';
import { idParam } from '../common';
import { noContent, route } from './route';

const triggers = '/api/v1/triggers';
const automations = '/api/v1/automations';

export const triggersRoutes = {
  list: route({ method: 'GET', path: triggers, response: triggersList }),
  create: route({ method: 'POST', path: triggers, body: createTriggerBody, response: triggerSchema }),
  order: route({ method: 'PUT', path: `${triggers}/order`, body: orderBody, response: triggersList }),
  dryRun: route({
    method: 'POST',
    path: `${triggers}/dry-run`,
    body: triggerDryRunBody,
    response: dryRunResult,
  }),
  get: route({ method: 'GET', path: `${triggers}/:id`, params: idParam, response: triggerSchema }),
  update: route({
    method: 'PATCH',
    path: `${triggers}/:id`,
    params: idParam,
    body: updateTriggerBody,
    response: triggerSchema,
  }),
  remove: route({ method: 'DELETE', path: `${triggers}/:id`, params: idParam, response: noContent }),
};

export const automationsRoutes = {
  list: route({ method: 'GET', path: automations, response: automationsList }),
  create: route({
    method: 'POST',
    path: automations,
    body: createAutomationBody,
    response: automationSchema,
  }),
  dryRun: route({
    method: 'POST',
    path: `${automations}/dry-run`,
    body: automationDryRunBody,
    response: dryRunResult,
  }),
  get: route({ method: 'GET', path: `${automations}/:id`, params: idParam, response: automationSchema }),
  update: route({
    method: 'PATCH',
    path: `${automations}/:id`,
    params: idParam,
    body: updateAutomationBody,
    response: automationSchema,
  }),
  remove: route({ method: 'DELETE', path: `${automations}/:id`, params: idParam, response: noContent }),
  run: route({
    method: 'POST',
    path: `${automations}/:id/run`,
    params: idParam,
    response: automationRunResult,
  }),
};
