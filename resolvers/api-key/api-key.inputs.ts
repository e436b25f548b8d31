import { ArrayMinSize, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ApiKeyScope } from '../../entities/api-key.entity.js';

@InputType('CreateApiKeyInput', { description: 'A key to issue; give it only the scopes its system needs.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "Pharmacy system".' })
  @Length(1, 100)
  name: string;

  @Field(() => [ApiKeyScope])
  @ArrayMinSize(1, { message: 'Give the key at least one scope.' })
  scopes: ApiKeyScope[];

  @Field(() => Date, { nullable: true })
  expiresAt?: Date;
}
