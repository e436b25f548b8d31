import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { widgetThreadPolicyOf, type OrganizationSettings } from '../../entities/organization-settings.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { ChatToken } from '../chat-token/chat-token.service.js';
import { ChatTokenType } from '../chat-token/chat-token.type.js';
import { OrganizationSettingsType } from '../organization/organization.type.js';
import { IdentifyWidgetCustomerInput, StartWidgetSessionInput } from './widget.inputs.js';
import { WidgetSecretService } from './widget-secret.service.js';
import { WidgetService, type WidgetConfig } from './widget.service.js';
import { WidgetConfigType, WidgetThreadPolicy } from './widget.types.js';

const service = (context: RequestContext) =>
  new WidgetService({
    database: context.gateway.database,
    tokens: context.gateway.tokens,
    publicUrl: context.gateway.config.publicUrl,
    sessionsPerIp: context.gateway.rateLimits.widgetSessions,
  });

/** The chat widget's public entry points (no credentials needed) and the admin's widget secret. */
@Resolver()
export class WidgetResolver {
  @Query(() => WidgetConfigType, { description: "A pharmacy's widget settings, by the slug in the snippet. Public." })
  widgetConfig(
    @Arg('organizationSlug') organizationSlug: string,
    @Arg('locale', () => String, { nullable: true, description: "The store page's language (BCP 47, e.g. nl-NL): texts the pharmacy wrote in it are chosen." })
    locale: string | null,
    @Ctx() context: RequestContext,
  ): Promise<WidgetConfig> {
    return service(context).config(organizationSlug, locale ?? null, context.gateway.config.notifications.clock.now());
  }

  @Mutation(() => ChatTokenType, {
    description: 'Pre-chat form of an anonymous visitor: a new customer and their chat token. Rate-limited per IP (RATE_LIMITED with retryAfter).',
  })
  startWidgetSession(@Arg('input') input: StartWidgetSessionInput, @Ctx() context: RequestContext): Promise<ChatToken> {
    return service(context).startSession(input, context.viewer, context.clientIp);
  }

  @Mutation(() => ChatTokenType, {
    description: 'A store customer signed by the store (HMAC-SHA256 with the widget secret). Forged, expired or reused signatures are UNAUTHENTICATED.',
  })
  identifyWidgetCustomer(@Arg('input') input: IdentifyWidgetCustomerInput, @Ctx() context: RequestContext): Promise<ChatToken> {
    const { signature, ...identity } = input;
    return service(context).identify(identity, signature);
  }

  @Authorized(Permission.MANAGE_WIDGET)
  @Query(() => String, { description: "Signs store customers' identities for the widget. Keep it on the store's server." })
  widgetSecret(@Ctx() context: RequestContext): Promise<string> {
    return new WidgetSecretService(context.scope).get();
  }

  @Authorized(Permission.MANAGE_WIDGET)
  @Mutation(() => String, { description: 'Replaces the widget secret; signatures made with the old one stop working at once.' })
  rotateWidgetSecret(@Ctx() context: RequestContext): Promise<string> {
    return new WidgetSecretService(context.scope).rotate();
  }
}

@Resolver(() => OrganizationSettingsType)
export class WidgetSettingsFieldsResolver {
  @FieldResolver(() => WidgetThreadPolicy, { description: 'Which thread the widget writes into.' })
  widgetThreads(@Root() settings: OrganizationSettings): WidgetThreadPolicy {
    return widgetThreadPolicyOf(settings);
  }
}

