import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { EnrolmentSummary, MyLearningSection, Page } from '@border-academy/shared-contracts';
import { EnrolmentClient } from '@border-academy/web-data-access';
import { LanguagePreference, i18nKey } from '@border-academy/web-i18n';
import { ContentTextView } from '@border-academy/web-ui';

import { CertificateDownload } from '../shared/certificate-download';
import { CERTIFICATE_STATUS_LABELS, ENROLMENT_STATUS_LABELS, formatDate } from '../shared/labels';

const SECTIONS: {
  section: MyLearningSection;
  key: 'assigned' | 'inProgress' | 'completed';
  heading: string;
  empty: string;
}[] = [
  {
    section: 'assigned',
    key: 'assigned',
    heading: i18nKey('learning.my.assigned'),
    empty: i18nKey('learning.my.assignedEmpty'),
  },
  {
    section: 'in_progress',
    key: 'inProgress',
    heading: i18nKey('learning.my.inProgress'),
    empty: i18nKey('learning.my.inProgressEmpty'),
  },
  {
    section: 'completed',
    key: 'completed',
    heading: i18nKey('learning.my.completed'),
    empty: i18nKey('learning.my.completedEmpty'),
  },
];

/**
 * My learning: what others assigned and when it is due (overdue first, and who assigned it), what the
 * learner took up themself with their progress and a way straight back to the lesson, and what they
 * completed with its certificate. Each section shows its first page and loads more on request.
 */
@Component({
  selector: 'ba-my-learning-page',
  imports: [
    CertificateDownload,
    ContentTextView,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './my-learning-page.html',
  styleUrl: './my-learning-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyLearningPage {
  private readonly client = inject(EnrolmentClient);

  protected readonly language = inject(LanguagePreference).active;
  protected readonly sections = SECTIONS;
  protected readonly statusLabels = ENROLMENT_STATUS_LABELS;
  protected readonly certificateLabels = CERTIFICATE_STATUS_LABELS;
  protected readonly learning = rxResource({ stream: () => this.client.myLearning() });
  /** Pages loaded after the first, per section. */
  private readonly more = signal<Partial<Record<MyLearningSection, Page<EnrolmentSummary>>>>({});
  protected readonly loadingMore = signal<MyLearningSection | null>(null);
  protected readonly moreFailed = signal<MyLearningSection | null>(null);

  protected readonly lists = computed(() => {
    if (!this.learning.hasValue()) return null;
    const first = this.learning.value();
    return SECTIONS.map((section) => {
      const page = first[section.key];
      const later = this.more()[section.section];
      const items = later ? [...page.items, ...later.items] : page.items;
      return {
        ...section,
        items,
        total: page.total,
        next: later ? later.page + 1 : page.page + 1,
        pageSize: page.pageSize,
      };
    });
  });

  protected date(value: string | null): string {
    return formatDate(value, this.language());
  }

  protected lessonLink(enrolment: EnrolmentSummary): unknown[] | null {
    const lessonId = enrolment.continueLessonId ?? enrolment.lastLessonId;
    return lessonId ? ['/learning/enrolments', enrolment.id, 'lessons', lessonId] : null;
  }

  protected async loadMore(section: MyLearningSection, page: number, pageSize: number): Promise<void> {
    this.loadingMore.set(section);
    this.moreFailed.set(null);
    try {
      const next = await firstValueFrom(this.client.myEnrolments({ section, page, pageSize }));
      this.more.update((more) => {
        const earlier = more[section];
        return { ...more, [section]: { ...next, items: [...(earlier?.items ?? []), ...next.items] } };
      });
    } catch {
      this.moreFailed.set(section);
    } finally {
      this.loadingMore.set(null);
    }
  }
}
