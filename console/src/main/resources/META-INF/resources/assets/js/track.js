// 进度: the reporter's view — status, the public timeline, the photos sent and the photos of the result, and one
// rating per resolution. Anonymous reporters open it with the tracking code (and the phone they gave); signed-in
// reporters by the whistle's id with their session.
import { computed, onMounted, reactive, ref } from '/webjars/vue/3.5.13/dist/vue.esm-browser.prod.js';
import { api, ApiError, mediaUrl } from './api.js';
import { locale, t } from './i18n.js';
import { startPage } from './shell.js';

const RATINGS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];

startPage('track', {
  setup() {
    const params = new URLSearchParams(location.search);
    const id = ref(params.get('id'));
    const code = ref(params.get('code') || '');
    const phone = ref('');
    const whistle = ref(null);
    const categories = ref([]);
    const photos = ref([]);
    const resultPhotos = ref([]);
    const error = ref('');
    const loading = ref(false);
    const rated = ref(false);
    const feedback = reactive({ rating: null, resolved: null, comment: '' });

    const proof = () => (id.value && !code.value ? {} : { 'X-Tracking-Code': code.value, ...(phone.value ? { 'X-Reporter-Phone': phone.value } : {}) });
    const categoryName = computed(() => {
      const c = categories.value.find((s) => s.service_code === whistle.value?.category);
      return c ? ((locale.lang === 'en' && c.description) || c.service_name) : whistle.value?.category;
    });
    /** The reporter's words for a status: intake's own label in Chinese (已上报, 重新派遣中 …), ours in English. */
    const statusText = (status, label) => (locale.lang !== 'en' && label ? label : t('state.' + status));
    const timelineNewestFirst = computed(() => [...(whistle.value?.timeline || [])].reverse());

    async function fetchWhistle() {
      if (id.value) {
        try {
          return await api(`/api/whistles/${id.value}`, { headers: code.value ? proof() : {} });
        } catch (e) {
          if (!code.value) throw e;
        }
      }
      const query = new URLSearchParams({ code: code.value });
      if (phone.value) query.set('phone', phone.value);
      return api('/api/whistles/track?' + query);
    }

    async function media(refs) {
      const out = [];
      for (const ref of refs || []) {
        try {
          out.push({ ...ref, url: await mediaUrl(`/api/whistles/${whistle.value.id}/evidence/${ref.mediaId}`, proof()) });
        } catch {
          // A photo that cannot be shown is left out; the rest still are.
        }
      }
      return out;
    }

    async function lookUp() {
      error.value = '';
      loading.value = true;
      try {
        whistle.value = await fetchWhistle();
        id.value = whistle.value.id;
        photos.value = await media(whistle.value.evidence);
        resultPhotos.value = await media(whistle.value.resultEvidence);
      } catch (e) {
        error.value = e instanceof ApiError && e.status === 404 ? t('notFound') : e.message;
      } finally {
        loading.value = false;
      }
    }

    async function rate() {
      error.value = '';
      loading.value = true;
      try {
        await api(`/api/whistles/${whistle.value.id}/feedback`, { method: 'POST', headers: proof(), body: {
          rating: feedback.rating, resolved: feedback.resolved, comment: feedback.comment || undefined,
          trackingCode: code.value || undefined, phone: phone.value || undefined } });
        rated.value = true;
        await lookUp();
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }

    onMounted(async () => {
      api('/open311/v2/services.json').then((list) => { categories.value = list; }).catch(() => {});
      if (id.value || code.value) await lookUp();
      // Opened from a link with the code alone: a whistle given with a phone asks for it without an error.
      if (!whistle.value && !id.value && !phone.value) error.value = '';
    });

    return { code, phone, whistle, photos, resultPhotos, error, loading, rated, feedback, ratings: RATINGS,
      categoryName, statusText, timelineNewestFirst, lookUp, reload: lookUp, rate };
  },
});
