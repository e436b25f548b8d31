import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Attachment', { description: 'A file sent with a message.' })
export class AttachmentType {
  @Field(() => ID)
  id: string;

  @Field({
    description:
      'As the sender named it, made safe to show: no path, no invisible or direction-changing characters, at most 255 bytes, and an extension that matches contentType.',
  })
  fileName: string;

  @Field({ description: "Detected from the file's content." })
  contentType: string;

  @Field(() => Int)
  byteSize: number;

  @Field()
  sha256: string;

  @Field(() => Int, { nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true })
  height: number | null;

  @Field(() => Date)
  createdAt: Date;
}
