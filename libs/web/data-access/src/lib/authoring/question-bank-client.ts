import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Page,
  Question,
  QuestionListQuery,
  Quiz,
  SaveQuestionRequest,
  SaveQuizRequest,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';
import { AUTHORING_API, segment } from './course-client';

/** A version's question bank and quizzes, with their answers: authoring only. Pages show failures in place. */
@Injectable({ providedIn: 'root' })
export class QuestionBankClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  questions(versionId: string, query: QuestionListQuery = {}): Observable<Page<Question>> {
    return this.http.get<Page<Question>>(this.ofVersion(versionId, 'questions'), {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  question(id: string): Observable<Question> {
    return this.http.get<Question>(this.url('questions', id), { context: this.context() });
  }

  createQuestion(versionId: string, request: SaveQuestionRequest): Observable<Question> {
    return this.http.post<Question>(this.ofVersion(versionId, 'questions'), request, {
      context: this.context(),
    });
  }

  saveQuestion(id: string, request: SaveQuestionRequest): Observable<Question> {
    return this.http.put<Question>(this.url('questions', id), request, { context: this.context() });
  }

  deleteQuestion(id: string): Observable<void> {
    return this.http.delete<void>(this.url('questions', id), { context: this.context() });
  }

  quiz(id: string): Observable<Quiz> {
    return this.http.get<Quiz>(this.url('quizzes', id), { context: this.context() });
  }

  createQuiz(versionId: string, request: SaveQuizRequest): Observable<Quiz> {
    return this.http.post<Quiz>(this.ofVersion(versionId, 'quizzes'), request, { context: this.context() });
  }

  saveQuiz(id: string, request: SaveQuizRequest): Observable<Quiz> {
    return this.http.put<Quiz>(this.url('quizzes', id), request, { context: this.context() });
  }

  deleteQuiz(id: string): Observable<void> {
    return this.http.delete<void>(this.url('quizzes', id), { context: this.context() });
  }

  private ofVersion(versionId: string, part: 'questions' | 'quizzes'): string {
    return `${AUTHORING_API}/course-versions/${segment(versionId)}/${part}`;
  }

  private url(part: 'questions' | 'quizzes', id: string): string {
    return `${AUTHORING_API}/${part}/${segment(id)}`;
  }
}
