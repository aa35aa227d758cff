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
} from '../../../contracts/automation';
import { idParam } from '../../../contracts/common';

export const automationSchemas = {
  triggers: {
    list: { response: triggersList },
    create: { body: createTriggerBody, response: triggerSchema },
    get: { params: idParam, response: triggerSchema },
    update: { params: idParam, body: updateTriggerBody, response: triggerSchema },
    remove: { params: idParam },
    order: { body: orderBody, response: triggersList },
    dryRun: { body: triggerDryRunBody, response: dryRunResult },
  },
  automations: {
    list: { response: automationsList },
    create: { body: createAutomationBody, response: automationSchema },
    get: { params: idParam, response: automationSchema },
    update: { params: idParam, body: updateAutomationBody, response: automationSchema },
    remove: { params: idParam },
    dryRun: { body: automationDryRunBody, response: dryRunResult },
    run: { params: idParam, response: automationRunResult },
  },
};
